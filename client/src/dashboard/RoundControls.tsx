/**
 * The round: Start round N once people are seated (or after a round ended), or End round N while
 * it goes — asked once more, since it ends every table's protocol.
 */
import { useId, useState } from 'react';
import type { DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { nextRoundNumber, roundStage } from './format.js';
import { usePendingAction } from './usePendingAction.js';

/** Props of `RoundControls`. */
export interface RoundControlsProps {
  dashboard: DashboardPayload;
}

/** The round group of the control bar. */
export function RoundControls({ dashboard }: RoundControlsProps) {
  const id = useId();
  const round = usePendingAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const stage = roundStage(dashboard);
  const next = nextRoundNumber(dashboard);

  const endRound = async () => {
    if (await round.runFor('end', { action: 'endRound' }, `Round ${dashboard.round} ended at every table.`)) setConfirmEnd(false);
  };

  return (
    <div className="dash-group" role="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        Round
      </h2>
      {stage === 'unseated' && <p className="hint dash-narrow">Seat people at tables first (below), then start the first round here.</p>}
      <div className="actions" aria-busy={round.busy}>
        {(stage === 'ready' || stage === 'ended') && (
          <button type="button" className="button primary" disabled={round.busy} onClick={() => void round.runFor('start', { action: 'startRound' }, `Round ${next} started.`)}>
            {round.pending === 'start' ? 'Starting…' : `Start round ${next}`}
          </button>
        )}
        {stage === 'going' && !confirmEnd && (
          <button type="button" className="button secondary" onClick={() => setConfirmEnd(true)}>
            End round {dashboard.round}
          </button>
        )}
        {stage === 'going' && confirmEnd && (
          <div className="dash-confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>End round {dashboard.round} at every table now?</p>
            <button type="button" className="button primary" disabled={round.busy} onClick={() => void endRound()} autoFocus>
              {round.pending === 'end' ? 'Ending…' : 'End it'}
            </button>
            <button type="button" className="button ghost" onClick={() => setConfirmEnd(false)}>
              Keep going
            </button>
          </div>
        )}
      </div>
      <ActionAlert error={round.error} />
    </div>
  );
}
