/**
 * The round clock, with one clock for every table: Pause all / Resume all, +1 min, +5 min (run
 * actions without a table id, which the server applies to every table). With a timer per table
 * it says who runs the time instead (the facilitator, or the host with each card's time menu).
 */
import { useId } from 'react';
import { ClockMode, RunStatus, type DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { usePendingAction } from './usePendingAction.js';

/** Props of `ClockControls`. */
export interface ClockControlsProps {
  dashboard: DashboardPayload;
}

const MINUTE = 60_000;

/** The clock group of the control bar. */
export function ClockControls({ dashboard }: ClockControlsProps) {
  const id = useId();
  const clock = usePendingAction();
  const shared = dashboard.clock === ClockMode.Shared;
  const anyRunning = dashboard.tables.some((t) => t.status === RunStatus.Running);
  const anyPaused = dashboard.tables.some((t) => t.status === RunStatus.Paused);
  const label = (key: string, idle: string, busy: string) => (clock.pending === key ? busy : idle);
  return (
    <div className="dash-group" role="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        {shared ? 'Round clock, every table' : 'Clock'}
      </h2>
      {shared ? (
        <div className="actions" aria-busy={clock.busy}>
          {anyPaused && !anyRunning ? (
            <button type="button" className="button secondary" disabled={clock.busy} onClick={() => void clock.runFor('resume', { action: 'resume' }, 'Resumed every table.')}>
              {label('resume', 'Resume all', 'Resuming…')}
            </button>
          ) : (
            <button type="button" className="button secondary" disabled={clock.busy} onClick={() => void clock.runFor('pause', { action: 'pause' }, 'Paused every table.')}>
              {label('pause', 'Pause all', 'Pausing…')}
            </button>
          )}
          <button type="button" className="button ghost" disabled={clock.busy} onClick={() => void clock.runFor('one', { action: 'extend', ms: MINUTE }, 'Added 1 minute at every table.')}>
            {label('one', '+1 min', 'Adding…')}
          </button>
          <button type="button" className="button ghost" disabled={clock.busy} onClick={() => void clock.runFor('five', { action: 'extend', ms: 5 * MINUTE }, 'Added 5 minutes at every table.')}>
            {label('five', '+5 min', 'Adding…')}
          </button>
        </div>
      ) : (
        <p className="hint dash-narrow">Each table runs its own timer: its facilitator sets it, or you do with the Time menu on its card. Seat again with one round clock to set the time for everyone.</p>
      )}
      <ActionAlert error={clock.error} />
    </div>
  );
}
