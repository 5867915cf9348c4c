/** "I’m done" / "Not done yet" for people who are not running the session, with the ready count and who is done. */
import { RunStatus, type SessionState } from '@worktable/shared';
import { nameOf, type ProtocolParticipant } from './people.js';
import { readyNames, readySummary } from './ready.js';
import { useAction, type SendAction } from './useAction.js';

/** Props of `ReadyToggle`. */
export interface ReadyToggleProps {
  state: SessionState;
  /** The viewer's participant id. */
  me: string;
  /** People who can mark themselves done (for the count). */
  participants: readonly ProtocolParticipant[];
  send: SendAction;
}

/** Lets you say you finished this phase; hidden outside a running or paused phase. */
export function ReadyToggle({ state, me, participants, send }: ReadyToggleProps) {
  const { run, busy, error } = useAction(send);
  if (state.status !== RunStatus.Running && state.status !== RunStatus.Paused) return null;
  const ready = state.ready.includes(me);
  const summary = readySummary(
    state,
    participants.map((p) => p.participantId),
  );
  return (
    <div className="protocol-card">
      <div className="protocol-row">
        <button
          type="button"
          className={`button ${ready ? 'ghost' : 'secondary'}${busy ? ' is-busy' : ''}`}
          disabled={busy}
          title={busy ? 'Waiting for the server to answer…' : undefined}
          onClick={() => void run({ action: 'ready', ready: !ready })}
        >
          {ready ? 'Not done yet' : 'I’m done'}
        </button>
        <span className="protocol-count">
          {ready ? 'You are done with this phase · ' : ''}
          {summary.label}
        </span>
      </div>
      <p className="protocol-ready-names">{readyNames(summary, (id) => nameOf(participants, id, me))}</p>
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
