/**
 * The host's controls in one compact bar, so the tables stay in view: the agenda, the clock of
 * the part going on, calling everyone to the plenary during a round, a broadcast, the room (invite
 * QR code, room display), and the seating form (open until people are seated, then folded; gone
 * once the first round started).
 */
import type { DashboardPayload } from '@worktable/shared';
import { BroadcastForm } from './BroadcastForm.js';
import { ClockControls } from './ClockControls.js';
import { AgendaComposer } from './AgendaComposer.js';
import { CallLinksForm } from './CallLinksForm.js';
import { AgendaControls } from './AgendaControls.js';
import { hostStage } from './agendaFormat.js';
import { GatheringControl } from './GatheringControl.js';
import { RoomControls } from './RoomControls.js';
import { SeatForm } from './SeatForm.js';

/** Props of `ControlBar`. */
export interface ControlBarProps {
  dashboard: DashboardPayload;
  /** Server clock minus ours. */
  offsetMs: number;
  /** The session's protocol (the composer starts from its agenda). */
  protocolId: string | null;
}

/** The control bar. */
export function ControlBar({ dashboard, offsetMs, protocolId }: ControlBarProps) {
  return (
    <section className="card dash-toolbar" aria-label="Controls">
      <div className="dash-groups">
        <AgendaControls dashboard={dashboard} />
        {hostStage(dashboard.agenda) === 'going' && <ClockControls dashboard={dashboard} offsetMs={offsetMs} />}
        {dashboard.agenda?.blocks[dashboard.agenda.index]?.kind === 'tables' && <GatheringControl gathering={dashboard.gathering} />}
        <BroadcastForm />
        <RoomControls />
      </div>
      <SeatForm dashboard={dashboard} />
      <CallLinksForm dashboard={dashboard} />
      {(hostStage(dashboard.agenda) === 'unseated' || hostStage(dashboard.agenda) === 'ready') && (
        <AgendaComposer protocolId={protocolId} />
      )}
    </section>
  );
}
