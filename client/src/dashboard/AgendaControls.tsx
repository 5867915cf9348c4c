/**
 * The agenda group of the control bar: start the agenda, see where it is, move on to the next
 * part now (asked once more: it ends the current part everywhere), hold the end of the current
 * part (the round then waits for you instead of reseating by itself), and go on when it waits.
 */
import { useEffect, useId, useState } from 'react';
import type { DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { blockName, currentBlockOf, nextBlockOf } from '../convening/agendaView.js';
import { agendaPositionLabel, hostStage } from './agendaFormat.js';
import { usePendingAction } from './usePendingAction.js';

/** Props of `AgendaControls`. */
export interface AgendaControlsProps {
  dashboard: DashboardPayload;
}

/** The agenda group. */
export function AgendaControls({ dashboard }: AgendaControlsProps) {
  const id = useId();
  const act = usePendingAction();
  const [confirmNext, setConfirmNext] = useState(false);
  // The box shows the host's choice at once; the server's answer (the next payload) confirms it.
  const [holdWanted, setHoldWanted] = useState<boolean | null>(null);
  const held = dashboard.agenda?.held ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's answer (held) clears the host's pending choice
  useEffect(() => setHoldWanted(null), [held]);
  const setHold = async (on: boolean) => {
    setHoldWanted(on);
    if (
      !(await act.runFor(
        'hold',
        { action: 'hold', on },
        on ? `${currentName} will wait for you at its end.` : `${nextName} will start by itself when ${currentName} ends.`,
      ))
    )
      setHoldWanted(null);
  };
  const { agenda } = dashboard;
  const stage = hostStage(agenda);
  const rounds = agenda?.rounds ?? 0;
  const current = currentBlockOf(dashboard);
  const next = nextBlockOf(dashboard);
  const nextName = next ? blockName(next, rounds) : null;
  const currentName = current ? blockName(current, rounds) : null;
  const startNext = async () => {
    if (await act.runFor('next', { action: 'startRound' }, `${nextName ?? 'The next part'} started.`)) setConfirmNext(false);
  };

  return (
    <div className="dash-group" role="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        Agenda
      </h2>
      {stage === 'unseated' && <p className="hint dash-narrow">Seat people at tables first (below), then start the agenda here.</p>}
      {stage !== 'unseated' && <p className="dash-agenda-now">{agendaPositionLabel(agenda)}</p>}
      <div className="actions" aria-busy={act.busy}>
        {(stage === 'ready' || stage === 'waiting') && nextName && (
          <button type="button" className="button primary" disabled={act.busy} onClick={() => void startNext()}>
            {act.pending === 'next' ? 'Starting…' : `Start ${nextName}`}
          </button>
        )}
        {stage === 'going' && !confirmNext && (
          <button type="button" className="button secondary" onClick={() => setConfirmNext(true)}>
            {nextName ? `End ${currentName} now` : `Finish ${currentName} now`}
          </button>
        )}
        {stage === 'going' && confirmNext && (
          <div className="dash-confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>
              {nextName ? `End ${currentName} everywhere and start ${nextName} now?` : `End ${currentName} now? The agenda will be over.`}
            </p>
            <button type="button" className="button primary" disabled={act.busy} onClick={() => void startNext()} autoFocus>
              {act.pending === 'next' ? 'Moving on…' : nextName ? `Start ${nextName}` : 'Finish'}
            </button>
            <button type="button" className="button ghost" onClick={() => setConfirmNext(false)}>
              Keep going
            </button>
          </div>
        )}
      </div>
      {stage === 'going' && next && (
        <label className="dash-check">
          <input
            type="checkbox"
            checked={holdWanted ?? held}
            disabled={act.busy}
            onChange={(event) => void setHold(event.target.checked)}
          />{' '}
          Hold at the end of {currentName} (otherwise {nextName} starts by itself)
        </label>
      )}
      {stage === 'waiting' && (
        <p className="hint dash-narrow">
          {currentName} is over and waits for you.{next?.reseat ? ' Travelers move to new tables when you start; table hosts stay.' : ''}
        </p>
      )}
      {stage === 'over' && (
        <p className="hint dash-narrow">Every part of the agenda is done. The tables stay open; export the record from the table page.</p>
      )}
      <ActionAlert error={act.error} />
    </div>
  );
}
