/**
 * The host's controls in one compact bar, so the tables stay in view: the round, the round clock,
 * the plenary, a broadcast, the room (invite QR code, room display), and the seating form (open until people are seated, then folded).
 */
import type { DashboardPayload } from '@worktable/shared';
import { BroadcastForm } from './BroadcastForm.js';
import { ClockControls } from './ClockControls.js';
import { roundStage } from './format.js';
import { GatheringControl } from './GatheringControl.js';
import { RoomControls } from './RoomControls.js';
import { RoundControls } from './RoundControls.js';
import { SeatForm } from './SeatForm.js';

/** Props of `ControlBar`. */
export interface ControlBarProps {
  dashboard: DashboardPayload;
}

/** The control bar. */
export function ControlBar({ dashboard }: ControlBarProps) {
  return (
    <section className="card dash-toolbar" aria-label="Controls">
      <div className="dash-groups">
        <RoundControls dashboard={dashboard} />
        {roundStage(dashboard) !== 'unseated' && <ClockControls dashboard={dashboard} />}
        <GatheringControl gathering={dashboard.gathering} />
        <BroadcastForm />
        <RoomControls />
      </div>
      <SeatForm dashboard={dashboard} />
    </section>
  );
}
