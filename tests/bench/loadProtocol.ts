/**
 * What the load run (the coordinator, `loadRun.ts`) and its generator processes
 * (`loadWorker.ts`) say to each other over the Node IPC channel (advanced serialization, so typed
 * arrays travel as they are). Every request carries an id; the worker answers each with a reply
 * of the same id. All times are `monotonicMs()`, which every process of the machine reads alike.
 */
import type { ClientKind } from './clientKinds.js';
import type { WriterTally } from './stampedDocument.js';
import type { ReplyMessage, RequestMessage } from './workerChannel.js';

/** One connection a generator process opens. */
export interface ClientSpec {
  /** Index of the room in the run. */
  room: number;
  /** Index of the client in its room (the first `writers` write). */
  index: number;
  wsUrl: string;
  path: string;
  kind: ClientKind;
  /** The server node the client connects to. */
  node: number;
  /** Writer key (`w<room>.<index>`) when the client writes, else null. */
  writerKey: string | null;
}

/** Where a writer of the run is: its room and its server node. */
export interface WriterPlacement {
  key: string;
  room: number;
  node: number;
}

/** The requests, by type, with what each answers. */
export interface LoadRequests {
  /** Opens and syncs the clients (`concurrency` handshakes at a time); `writers` places every writer of the run. */
  connect: { request: { clients: ClientSpec[]; concurrency: number; timeoutMs: number; writers: WriterPlacement[] }; reply: null };
  /** Writers start: the n-th change of a writer is due at `startAt + phase + n × periodMs`. */
  start: { request: { startAt: number; periodMs: number }; reply: null };
  /** Deliveries received in [start, end) count for the window; changes sent in it are timed. */
  window: { request: { start: number; end: number }; reply: null };
  /** Writers stop; answers what each wrote and when. */
  stop: { request: Record<string, never>; reply: WriterReport[] };
  /** Deliveries so far, and how many clients have failed. */
  progress: { request: Record<string, never>; reply: { deliveries: number; failures: number } };
  /** Everything measured; `sendTimes` (every writer of the run) times the changes that arrived merged into a later one. */
  results: { request: { sendTimes: Record<string, Float64Array> }; reply: WorkerResults };
  /** Marks closing by the server as expected. */
  expectClose: { request: Record<string, never>; reply: null };
  /** Closes every connection. */
  close: { request: Record<string, never>; reply: null };
}

/** The type of a request. */
export type LoadRequestType = keyof LoadRequests;

/** A request as sent. */
export type LoadRequestMessage = RequestMessage<LoadRequests>;

/** A reply as sent: the value, or why the request failed. */
export type LoadReplyMessage = ReplyMessage;

/** What one writer wrote. */
export interface WriterReport {
  key: string;
  room: number;
  /** Yjs client id of its document. */
  clientId: number;
  /** Its own entry in its document's state vector. */
  clock: number;
  sent: number;
  lastSentAt: number;
  /** `sendTimes[seq]` is when change `seq` was made (index 0 unused). */
  sendTimes: Float64Array;
}

/** What one client received, per writer of its room. */
export interface ClientReport {
  room: number;
  index: number;
  failure: string | null;
  tallies: Array<[writerKey: string, tally: WriterTally]>;
}

/** What one generator process measured. */
export interface WorkerResults {
  totalDeliveries: number;
  windowDeliveries: number;
  /** Latency (ms) of the window's changes, writer and receiver on the same server node. */
  sameNodeLatencies: Float64Array;
  /** … on different nodes. */
  crossNodeLatencies: Float64Array;
  clients: ClientReport[];
  /** 99th percentile of this process's event-loop delay over the window, ms. */
  loopDelayP99Ms: number;
}
