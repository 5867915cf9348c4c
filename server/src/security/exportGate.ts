/**
 * How many records of one session are rendered at once. Rendering holds a session's documents,
 * uploads and (for PDF) a Chromium page in memory, so three exports of a session with large images
 * at once once took 5.4 GB; past the limit a request waits its turn with 429. Per node.
 */

/** A limit of `perSession` renders at once for each session. */
export class ExportGate {
  private readonly running = new Map<string, number>();

  constructor(
    private readonly perSession: number,
    /** Told each time a render is refused (for the metrics). */
    private readonly onLimited: () => void = () => {},
  ) {}

  /** Starts a render of `sessionId`: the function that ends it, or null when the session is at its limit. */
  enter(sessionId: string): (() => void) | null {
    const now = this.running.get(sessionId) ?? 0;
    if (now >= this.perSession) {
      this.onLimited();
      return null;
    }
    this.running.set(sessionId, now + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.running.get(sessionId) ?? 1) - 1;
      if (left > 0) this.running.set(sessionId, left);
      else this.running.delete(sessionId);
    };
  }
}
