/**
 * The top of the phone layout: where you are (your table, its host and who else sits there; or
 * everyone together in the plenary) and what you talk about now ("Round 1 of 3" and the question).
 */
import { useId } from 'react';
import type { SessionState } from '@worktable/shared';
import { agendaStage, currentQuestion, isTogether, roundOfLabel } from '../convening/agendaView.js';
import { joinNames, shownTableOf } from '../convening/place.js';
import './phone.css';

/** Props of `PhonePlace`. */
export interface PhonePlaceProps {
  /** The state as it concerns your own seat (see `ownPlace`). */
  state: SessionState;
  me: string;
  nameOf(participantId: string): string;
}

/** Your table, then the question. */
export function PhonePlace({ state, me, nameOf }: PhonePlaceProps) {
  const id = useId();
  const together = state.convening && isTogether(state);
  const table = shownTableOf(state);
  const others = table ? table.members.filter((member) => member !== me && member !== table.host) : [];
  const question = currentQuestion(state);
  const stage = agendaStage(state);
  return (
    <>
      {state.convening && (
        <section className="card phone-place" aria-labelledby={`${id}-place`}>
          <p className="eyebrow">{together ? 'Everyone together' : 'Your table'}</p>
          <h2 id={`${id}-place`} className="phone-place-name">
            {together ? 'The plenary' : (table?.name ?? 'Not seated yet')}
          </h2>
          {!together && table && (
            <dl className="phone-people">
              {table.host && (
                <div>
                  <dt>Host</dt>
                  <dd>{table.host === me ? 'You' : nameOf(table.host)}</dd>
                </div>
              )}
              <div>
                <dt>With you</dt>
                <dd>{others.length > 0 ? joinNames(others.map(nameOf)) : 'Nobody else yet'}</dd>
              </div>
            </dl>
          )}
          {!together && !table && <p className="hint">The host seats everyone at tables; yours shows here.</p>}
        </section>
      )}
      <section className="card phone-question" aria-labelledby={`${id}-question`}>
        <p className="eyebrow">{roundOfLabel(state) ?? (stage === 'before' ? 'Starting soon' : stage === 'over' ? 'The end' : 'Now')}</p>
        <h2 id={`${id}-question`} className="phone-question-text">
          {question ?? (stage === 'over' ? 'Thank you — it is over' : 'The question shows here when the host starts')}
        </h2>
      </section>
    </>
  );
}
