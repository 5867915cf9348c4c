/**
 * A deadline's outcome, worked out shortly before it is due. A round change reseats everyone
 * (about 60 ms of CPU at 1,000 people and 200 tables, against 1.5 ms for a phase change), and
 * every person's new state waits for it; worked out `PREPARE_AHEAD_MS` early, the deadline only
 * stores and sends. The outcome is used only if nothing it read changed in between: the same
 * control state (any change replaces it) and the same people with the same presence (compared by
 * content, so a connection that drops and comes back in that second does not spoil it).
 */
import type { SessionControl, SessionPerson, reviewSession } from '@worktable/shared';

/** What `reviewSession` returns. */
export type Reviewed = ReturnType<typeof reviewSession>;

/** How long before a deadline its outcome is worked out. */
export const PREPARE_AHEAD_MS = 1_000;

/** An outcome and what it was worked out from. */
export interface Prepared {
  state: SessionControl;
  people: readonly SessionPerson[];
  reviewed: Reviewed;
}

/** The prepared outcome of a session's next deadline, if any. */
export class PreparedReview {
  private prepared: (Prepared & { peopleKey: string }) | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The deadline armed or worked out. */
  private due: number | null = null;

  /**
   * Works out the outcome of the deadline `due` (`delay` ms from now) `PREPARE_AHEAD_MS` before
   * it, with `prepare` (which reads the state and people as they are then). The same deadline
   * again keeps what is armed or worked out (`take` checks it still holds); another replaces it.
   */
  arm(due: number, delay: number, prepare: (due: number) => Prepared): void {
    if (due === this.due) return;
    this.clear();
    this.due = due;
    if (delay <= PREPARE_AHEAD_MS) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const prepared = prepare(due);
      this.prepared = { ...prepared, peopleKey: JSON.stringify(prepared.people) };
    }, delay - PREPARE_AHEAD_MS);
    this.timer.unref();
  }

  /**
   * The prepared outcome, once its deadline has come, if it was made from this very state and
   * people like these; then it is forgotten either way. Before the deadline: null, and it is kept.
   */
  take(state: SessionControl, people: readonly SessionPerson[], now: number): Reviewed | null {
    const prepared = this.prepared;
    if (!prepared || this.due === null || now < this.due) return null;
    this.prepared = null;
    this.due = null;
    if (prepared.state !== state) return null;
    if (prepared.people !== people && prepared.peopleKey !== JSON.stringify(people)) return null;
    return prepared.reviewed;
  }

  /** Drops the prepared outcome and its timer. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.prepared = null;
    this.due = null;
  }
}
