/**
 * The presenter's focusing question, on top of the side panel for everyone while they present:
 * the presenter (or the facilitator, or the host) asks it in the lobby or any phase and may
 * reword it; everyone else sees it, or who is about to ask it. It goes into the record.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { MAX_FOCUS_CHARS, RunStatus, type SessionState } from '@worktable/shared';
import { canRunControls, nameOf, type ProtocolMe, type ProtocolParticipant } from './people.js';
import { useAction, type SendAction } from './useAction.js';

/** Props of `FocusQuestion`. */
export interface FocusQuestionProps {
  state: SessionState;
  me: ProtocolMe;
  participants: readonly ProtocolParticipant[];
  send: SendAction;
}

/** The focusing question card (nothing when the protocol has no presenter here). */
export function FocusQuestion({ state, me, participants, send }: FocusQuestionProps) {
  const id = useId();
  const presenter = state.roles.presenter;
  const mayEdit = me.role !== 'observer' && (presenter === me.participantId || canRunControls(state, me));
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(state.focus ?? '');
  const { run, busy, error } = useAction(send);
  useEffect(() => {
    if (!editing) setText(state.focus ?? '');
  }, [state.focus, editing]);
  // At the end of a one-table session the summary shows the question.
  if (!presenter || (state.status === RunStatus.Done && (!state.focus || !state.convening))) return null;
  const isPresenter = presenter === me.participantId;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await run({ action: 'focus', text })) setEditing(false);
  };
  const asking = mayEdit && (editing || !state.focus);
  return (
    <section className="protocol-card focus-question" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="focus-label">
        Focusing question
      </h3>
      {state.focus && !editing && <p className="focus-text">{state.focus}</p>}
      {!state.focus && !asking && (
        <p className="focus-waiting">{nameOf(participants, presenter, me.participantId)} will ask the question the group works on.</p>
      )}
      {asking ? (
        <form onSubmit={(event) => void save(event)}>
          <label htmlFor={`${id}-q`} className="visually-hidden">
            Focusing question
          </label>
          <textarea
            id={`${id}-q`}
            rows={2}
            maxLength={MAX_FOCUS_CHARS}
            value={text}
            placeholder={
              isPresenter
                ? 'What do you want the group to help you with?'
                : `The question ${nameOf(participants, presenter)} wants help with`
            }
            onChange={(event) => setText(event.target.value)}
          />
          <div className="protocol-row">
            <button type="submit" className="button primary" disabled={busy || text.trim() === (state.focus ?? '')}>
              {state.focus ? 'Save the question' : 'Ask the group'}
            </button>
            {editing && (
              <button type="button" className="button ghost" onClick={() => setEditing(false)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      ) : (
        mayEdit && (
          <button type="button" className="button ghost focus-edit" onClick={() => setEditing(true)}>
            Reword
          </button>
        )
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
