/**
 * The top of the room display: where the convening is, the question in large type, the big
 * countdown (the protocol's ring, scaled up; it counts from the server's deadline and our clock
 * offset, never from ticks) and what comes next.
 */
import { RunStatus, type SessionState } from '@worktable/shared';
import { PhaseTimer } from '../protocol/PhaseTimer.js';
import { roomClockOf, roomHeadline } from './roomHeadline.js';

/** Props of `RoomNow`. */
export interface RoomNowProps {
  state: SessionState;
  /** Time left in the phase (from `useRemaining`). */
  remainingMs: number;
}

/** The headline and the timer. */
export function RoomNow({ state, remainingMs }: RoomNowProps) {
  const headline = roomHeadline(state);
  const clock = roomClockOf(state);
  const phase = state.phase;
  return (
    <section className="room-now" aria-labelledby="room-now-heading">
      <div className="room-now-text">
        <p className="room-eyebrow">{headline.eyebrow}</p>
        <h2 id="room-now-heading" className={headline.long ? 'room-question is-long' : 'room-question'}>
          {headline.headline}
        </h2>
        {headline.note && <p className="room-note">{headline.note}</p>}
      </div>
      {clock === 'one' && phase && (
        <PhaseTimer remainingMs={remainingMs} durationMs={phase.durationMs} paused={state.status === RunStatus.Paused} over={phase.over} />
      )}
      {clock === 'each-table' && <p className="room-own-time">Each table keeps its own time</p>}
    </section>
  );
}
