/**
 * What every benchmark client shares, whatever protocol it speaks: a Y.Doc whose shared map
 * `bench` the writers stamp and the receivers observe.
 *
 * A writer sets the key `<writer>` of the map to `{ s: seq, t: performance.now() }`. A receiver
 * counts a delivery when a remote transaction (one applied from the network, `local` false)
 * changes a key, so a delivery is the moment the change is integrated into its document.
 */
import * as Y from 'yjs';

/** Name of the shared map the benchmark writes. */
export const BENCH_MAP = 'bench';

/**
 * Called for every stamped change from another client, with its send time and arrival time (both
 * `performance.now()`) and the writer's key.
 */
export type DeliveryListener = (sentAt: number, receivedAt: number, writerKey: string) => void;

/** What one receiver got from one writer. */
export interface WriterTally {
  /** Changes observed from this writer. */
  count: number;
  /** Highest sequence number observed. */
  lastSeq: number;
  /** Observed changes that did not follow the previous one (a gap or a repeat). */
  outOfOrder: number;
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
    const t = performance.now();
    this.map.set(key, { s: seq, t } satisfies Stamp);
    return t;
  }

  /** How many changes this client's own document holds from itself (its entry in the state vector). */
  ownClock(): number {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc)).get(this.doc.clientID) ?? 0;
  }

  /** Tally of one writer (zeros when nothing arrived). */
  tally(key: string): WriterTally {
    return this.tallies.get(key) ?? { count: 0, lastSeq: 0, outOfOrder: 0 };
  }

  private received(keys: Set<string>): void {
    const now = performance.now();
    for (const key of keys) {
      const value = this.map.get(key);
      if (!isStamp(value)) continue;
      const tally = this.tallies.get(key);
      if (!tally) this.tallies.set(key, { count: 1, lastSeq: value.s, outOfOrder: value.s === 1 ? 0 : 1 });
      else {
        if (value.s !== tally.lastSeq + 1) tally.outOfOrder++;
        tally.count++;
        tally.lastSeq = value.s;
      }
      this.onDelivery(value.t, now, key);
    }
  }
}
