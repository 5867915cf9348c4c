/**
 * Counts document changes per document over the last minute (the host dashboard's "activity"),
 * in sixty one-second buckets per open document: constant memory, O(1) per change.
 */
import type { RelayHook } from '../hooks.js';
import type { Room } from '../room.js';

const BUCKETS = 60;

interface Window {
  counts: Uint32Array;
  /** The epoch second each bucket counts. */
  seconds: Float64Array;
}

/** The relay hook that keeps per-document activity. */
export class ActivityTracker implements RelayHook {
  readonly name = 'activity';
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  onChange(room: Room): void {
    const second = Math.floor(this.now() / 1000);
    let window = this.windows.get(room.docKey);
    if (!window) {
      window = { counts: new Uint32Array(BUCKETS), seconds: new Float64Array(BUCKETS).fill(-1) };
      this.windows.set(room.docKey, window);
    }
    const slot = second % BUCKETS;
    if (window.seconds[slot] !== second) {
      window.seconds[slot] = second;
      window.counts[slot] = 0;
    }
    window.counts[slot] = (window.counts[slot] ?? 0) + 1;
  }

  afterUnloadDocument(docKey: string): void {
    this.windows.delete(docKey);
  }

  /** Changes to `docKey` in the last 60 seconds. */
  editsLastMinute(docKey: string): number {
    const window = this.windows.get(docKey);
    if (!window) return 0;
    const now = Math.floor(this.now() / 1000);
    let total = 0;
    for (let i = 0; i < BUCKETS; i++) if (now - (window.seconds[i] ?? -1) < BUCKETS) total += window.counts[i] ?? 0;
    return total;
  }
}
