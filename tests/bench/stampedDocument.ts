/**
 * What every benchmark client shares, whatever protocol it speaks: a Y.Doc whose shared map
 * `bench` the writers stamp and the receivers observe.
 *
 * A writer sets the key `<writer>` of the map to `{ s: seq, t: monotonicMs() }`. A receiver
 * counts a delivery when a remote transaction (one applied from the network, `local` false)
 * changes a key, so a delivery is the moment the change is integrated into its document.
 */
import * as Y from 'yjs';
import { monotonicMs } from './time.js';

/** Name of the shared map the benchmark writes. */
export const BENCH_MAP = 'bench';

/**
 * Called when changes `firstSeq`…`lastSeq` of the writer `writerKey` have been integrated, at
 * `receivedAt` (`monotonicMs()`); `lastSentAt` is the stamp of change `lastSeq` (the writer's send
 * time, on the same clock). Usually one change; several when the server merged
 * consecutive changes into one update (Hocuspocus coalesces what arrives in one event-loop turn):
 * the receiver then sees only the last stamp, but Yjs integrates a client's changes in order, so
 * holding change n means holding every change before it.
 */
export type DeliveryListener = (writerKey: string, firstSeq: number, lastSeq: number, lastSentAt: number, receivedAt: number) => void;

/** What one receiver got from one writer. */
export interface WriterTally {
  /** Changes integrated from this writer (the highest sequence number seen: earlier ones came with it). */
  count: number;
  /** Highest sequence number observed. */
  lastSeq: number;
  /** Observed stamps that went backwards or repeated (never expected: Yjs integrates in order). */
  outOfOrder: number;
  /** Changes that arrived merged into a later one (not observed on their own). */
  merged: number;
}

/** One connection of a load run, whichever server and protocol it talks to. */
export interface LoadClient {
  readonly doc: Y.Doc;
  /** Resolves when the server's first full sync has been applied. */
  readonly synced: Promise<void>;
  /** Why the connection failed or closed unexpectedly, if it did. */
  readonly failure: string | null;
  /** Writes the next stamp under `key`; returns its send time. */
  write(key: string, seq: number): number;
  /** How many changes this client's own document holds from itself. */
  ownClock(): number;
  /** What arrived from one writer. */
  tally(key: string): WriterTally;
  /** Marks closing by the server as expected (shutdown test). */
  expectClose(): void;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** The value a writer stores per change. */
interface Stamp {
  s: number;
  t: number;
}

function isStamp(value: unknown): value is Stamp {
  return typeof value === 'object' && value !== null && typeof (value as Stamp).s === 'number' && typeof (value as Stamp).t === 'number';
}

/** The document half of a benchmark client: writing stamps and tallying the ones that arrive. */
export abstract class StampedDocument {
  readonly doc = new Y.Doc();
  /** Per writer key: what arrived from it. */
  private readonly tallies = new Map<string, WriterTally>();
  private readonly map: Y.Map<unknown>;

  constructor(
    private readonly onDelivery: DeliveryListener,
    protected readonly writer: boolean,
  ) {
    this.map = this.doc.getMap(BENCH_MAP);
    this.map.observe((event, transaction) => {
      if (!transaction.local) this.received(event.keysChanged);
    });
  }

  /** Sets this writer's key to the next stamp (the change goes to the server at once); returns the stamp's time. */
  write(key: string, seq: number): number {
    if (!this.writer) throw new Error('this client was not created as a writer');
    const t = monotonicMs();
    this.map.set(key, { s: seq, t } satisfies Stamp);
    return t;
  }

  /** How many changes this client's own document holds from itself (its entry in the state vector). */
  ownClock(): number {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc)).get(this.doc.clientID) ?? 0;
  }

  /** Tally of one writer (zeros when nothing arrived). */
  tally(key: string): WriterTally {
    return this.tallies.get(key) ?? { count: 0, lastSeq: 0, outOfOrder: 0, merged: 0 };
  }

  private received(keys: Set<string>): void {
    const now = monotonicMs();
    for (const key of keys) {
      const value = this.map.get(key);
      if (!isStamp(value)) continue;
      let tally = this.tallies.get(key);
      if (!tally) {
        tally = { count: 0, lastSeq: 0, outOfOrder: 0, merged: 0 };
        this.tallies.set(key, tally);
      }
      if (value.s <= tally.lastSeq) {
        tally.outOfOrder++;
        continue;
      }
      const first = tally.lastSeq + 1;
      tally.merged += value.s - first;
      tally.count = value.s;
      tally.lastSeq = value.s;
      this.onDelivery(key, first, value.s, value.t, now);
    }
  }
}
