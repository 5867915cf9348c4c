/**
 * The clock of the part going on. In the plenary the host runs it; at the tables with one round
 * clock the host runs every table at once: the phase and its countdown, Pause all / Resume all,
 * Back, Next phase (the last one moves the agenda on), +1 min, +5 min — run actions without a table
 * id, which the server applies to the plenary or to every table. A phase whose time is up and that
 * waits for someone says so. With a timer per table it says who runs the time instead.
 */
import { useId } from 'react';
import { ClockMode, RunStatus, type DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { blockName, currentBlockOf } from '../convening/agendaView.js';
import { CardTimer } from './CardTimer.js';
import { usePendingAction } from './usePendingAction.js';

/** Props of `ClockControls`. */
export interface ClockControlsProps {
  dashboard: DashboardPayload;
  /** Server clock minus ours. */
  offsetMs: number;
}

const MINUTE = 60_000;

/** The clock group of the control bar. */
export function ClockControls({ dashboard, offsetMs }: ClockControlsProps) {
  const id = useId();
  const clock = usePendingAction();
  const block = currentBlockOf(dashboard);
  const inPlenary = block?.kind === 'plenary';
  const hostRuns = inPlenary || dashboard.clock === ClockMode.Shared;
  const lead = inPlenary ? dashboard.plenary : (dashboard.tables.find((t) => t.status !== RunStatus.Done) ?? dashboard.tables[0]);
  const everywhere = inPlenary ? '' : ' at every table';
  const running = inPlenary
    ? dashboard.plenary?.status === RunStatus.Running
    : dashboard.tables.some((t) => t.status === RunStatus.Running);
  const paused = inPlenary ? dashboard.plenary?.status === RunStatus.Paused : dashboard.tables.some((t) => t.status === RunStatus.Paused);
  const over = inPlenary ? dashboard.plenary?.over === true : dashboard.tables.some((t) => t.over);
  const lastPhase = lead ? lead.phaseIndex + 1 >= lead.phaseCount : false;
  const name = block ? blockName(block, dashboard.agenda?.rounds ?? 0) : '';
  const label = (key: string, idle: string, busy: string) => (clock.pending === key ? busy : idle);
  return (
    <div className="dash-group" role="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        {inPlenary ? `${name}: everyone together` : hostRuns ? 'Round clock, every table' : 'Clock'}
      </h2>
      {hostRuns && lead && (
        <div className="dash-clock-now">
          <p>
            <span className="muted">
              Phase {lead.phaseIndex + 1} of {lead.phaseCount}:
            </span>{' '}
            <strong>{lead.phaseTitle ?? '—'}</strong>
          </p>
          <CardTimer status={lead.status} endsAt={lead.endsAt} remainingMs={lead.remainingMs} over={lead.over} offsetMs={offsetMs} />
        </div>
      )}
      {hostRuns && over && (
        <p className="dash-waiting" role="status">
          Time is up{everywhere}: this phase waits for you. {lastPhase ? `Next ends ${name}.` : 'Next moves everyone on.'}
        </p>
      )}
      {hostRuns ? (
        <div className="actions" aria-busy={clock.busy}>
          {paused && !running ? (
            <button
              type="button"
              className="button secondary"
              disabled={clock.busy}
              onClick={() => void clock.runFor('resume', { action: 'resume' }, `Resumed${everywhere}.`)}
            >
              {label('resume', inPlenary ? 'Resume' : 'Resume all', 'Resuming…')}
            </button>
          ) : (
            <button
              type="button"
              className="button secondary"
              disabled={clock.busy || !running}
              onClick={() => void clock.runFor('pause', { action: 'pause' }, `Paused${everywhere}.`)}
            >
              {label('pause', inPlenary ? 'Pause' : 'Pause all', 'Pausing…')}
            </button>
          )}
          <button
            type="button"
            className="button ghost"
            disabled={clock.busy || lead?.phaseIndex === 0}
            onClick={() => void clock.runFor('back', { action: 'back' }, `Back one phase${everywhere}.`)}
          >
            {label('back', 'Back', 'Going back…')}
          </button>
          <button
            type="button"
            className={`button ${over ? 'primary' : 'secondary'}`}
            disabled={clock.busy}
            onClick={() => void clock.runFor('next', { action: 'next' }, lastPhase ? `${name} finished.` : `Next phase${everywhere}.`)}
          >
            {label('next', lastPhase ? `Finish ${name}` : 'Next phase', 'Moving on…')}
          </button>
          <button
            type="button"
            className="button ghost"
            disabled={clock.busy}
            onClick={() => void clock.runFor('one', { action: 'extend', ms: MINUTE }, `Added 1 minute${everywhere}.`)}
          >
            {label('one', '+1 min', 'Adding…')}
          </button>
          <button
            type="button"
            className="button ghost"
            disabled={clock.busy}
            onClick={() => void clock.runFor('five', { action: 'extend', ms: 5 * MINUTE }, `Added 5 minutes${everywhere}.`)}
          >
            {label('five', '+5 min', 'Adding…')}
          </button>
        </div>
      ) : (
        <p className="hint dash-narrow">
          Each table runs its own timer: its facilitator sets it, or you do with the Time menu on its card. When every table is done, the
          agenda moves on.
        </p>
      )}
      <ActionAlert error={clock.error} />
    </div>
  );
}
