/**
 * Runs of one task per key, shared by the callers that arrive while an earlier run is under way:
 * every caller gets a run that starts after its call (so it sees what the caller did first), but
 * a burst of 1,000 callers costs two or three runs rather than 1,000.
 */
export class Coalesced {
  /** The run each key will start next (not started yet): later callers share it. */
  private readonly queued = new Map<string, Promise<void>>();
  /** The last run scheduled per key (started or not), which the next one waits for. */
  private readonly last = new Map<string, Promise<void>>();

  /** Runs `task` for `key` after any run under way, or joins the run already waiting to start. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const before = this.last.get(key) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key); // started: whoever calls from now on needs a run of their own
        return task();
      });
    this.queued.set(key, next);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(key, settled);
    void settled.then(() => {
      if (this.last.get(key) === settled) this.last.delete(key);
    });
    return next;
  }
}
