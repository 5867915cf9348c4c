/**
 * A lean y-websocket client for load generation: one `ws` socket and one Y.Doc, speaking the
 * standard y-protocols sync messages (it answers the server's SyncStep1 with SyncStep2, sends its
 * own SyncStep1 on open, and sends every local change as a sync update). It skips what the
 * stock `WebsocketProvider` adds around that (awareness, reconnection, timers), so a thousand of
 * them fit in one generator process.
 *
 * Writers stamp each change with a sequence number and a send time: a writer sets the key
 * `<writer>` of the shared map `bench` to `{ s: seq, t: performance.now() }`. Receivers observe
 * the map, so a delivery is counted when the change is integrated into their document.
 */
import { WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Name of the shared map the benchmark writes. */
export const BENCH_MAP = 'bench';

const MESSAGE_SYNC = 0;

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

/** The value a writer stores per change. */
interface Stamp {
  s: number;
  t: number;
}

function isStamp(value: unknown): value is Stamp {
  return typeof value === 'object' && value !== null && typeof (value as Stamp).s === 'number' && typeof (value as Stamp).t === 'number';
}

/** One benchmark connection. */
export class BenchClient {
  readonly doc = new Y.Doc();
  /** Per writer key: what arrived from it. */
  readonly tallies = new Map<string, WriterTally>();
  /** Resolves when the first SyncStep2 from the server has been applied. */
  readonly synced: Promise<void>;
  /** Why the connection failed or closed unexpectedly, if it did. */
  failure: string | null = null;
  private readonly map: Y.Map<unknown>;
  private readonly socket: WebSocket;
  private expectingClose = false;
  private isSynced = false;

  /**
   * Connects to `url`. Only a `writer` sends local changes (`write`); every client answers the
   * sync handshake and reports deliveries to `onDelivery`.
   */
  constructor(
    url: string,
    private readonly onDelivery: DeliveryListener,
    private readonly writer = false,
  ) {
    this.map = this.doc.getMap(BENCH_MAP);
    this.map.observe((event, transaction) => {
      if (transaction.origin === this) this.received(event.keysChanged);
    });
    if (writer) {
      // Only writers listen: with an 'update' listener, Yjs encodes every transaction, remote ones included.
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeUpdate(encoder, update);
        this.send(encoding.toUint8Array(encoder));
      });
    }

    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.synced = new Promise<void>((resolve, reject) => {
      this.socket.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
      });
      this.socket.on('message', (data: RawData) => {
        if (this.receive(toBytes(data)) && !this.isSynced) {
          this.isSynced = true;
          resolve();
        }
      });
      this.socket.on('unexpected-response', (_request, response) => {
        this.fail(`handshake refused with HTTP ${response.statusCode ?? '?'}`);
        reject(new Error(this.failure ?? 'refused'));
      });
      this.socket.on('error', (error: Error) => {
        this.fail(`socket error: ${error.message}`);
        reject(error);
      });
      this.socket.on('close', (code: number, reason: Buffer) => {
        if (!this.expectingClose) this.fail(`closed by the server: ${code} ${reason.toString('utf8')}`);
        reject(new Error(this.failure ?? 'closed'));
      });
    });
    // A rejection before anybody awaits `synced` must not crash the process; `failure` keeps the reason.
    this.synced.catch(() => undefined);
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

  /** Marks closing by the server as expected (shutdown test). */
  expectClose(): void {
    this.expectingClose = true;
  }

  /** Closes the connection; resolves once it is closed (terminating it after `timeoutMs`). */
  close(timeoutMs = 2000): Promise<void> {
    this.expectingClose = true;
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.terminate(), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate();
      else this.socket.close();
    });
  }

  /** Handles one message; returns true when it was a SyncStep2 (the server's answer to our SyncStep1). */
  private receive(message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false; // awareness etc.: not used here
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    return syncType === syncProtocol.messageYjsSyncStep2;
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

  private send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
    else if (!this.expectingClose) this.fail('tried to send on a socket that is not open');
  }

  private fail(reason: string): void {
    this.failure ??= reason;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
