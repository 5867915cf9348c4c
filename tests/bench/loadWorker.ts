/**
 * One generator process of a load run (forked by `loadRun.ts`): it opens its share of the
 * connections, runs its share of the writers on the schedule it is given, and times every
 * change that reaches one of its clients against the writer's stamp — the writer usually lives
 * in another generator process, and both read the machine's monotonic clock.
 *
 * A change the server merged into a later one arrives without its own stamp; its delivery is kept
 * until the end, when the coordinator hands over every writer's send times.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { CLIENT_FACTORIES } from './clientKinds.js';
import type { ClientReport, ClientSpec, LoadRequestMessage, LoadRequests, WorkerResults, WriterReport } from './loadProtocol.js';
import type { LoadClient } from './stampedDocument.js';
import { monotonicMs, withTimeout } from './time.js';
import { serveRequests } from './workerChannel.js';

const LOOP_DELAY_RESOLUTION_MS = 10;

interface Connection {
  spec: ClientSpec;
  client: LoadClient;
}

interface Writer extends Connection {
  key: string;
  sent: number;
  lastSentAt: number;
  sendTimes: number[];
}

/** Deliveries of changes that came merged into a later one, timed once the send times are known. */
interface MergedDeliveries {
  keys: string[];
  seqs: number[];
  receivedAt: number[];
  sameNode: boolean[];
}

const connections: Connection[] = [];
const writers: Writer[] = [];
/** Node of every writer of the run, by key. */
const writerNodes = new Map<string, number>();
/** Writer keys of every room. */
const roomWriters = new Map<number, string[]>();
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
let totalDeliveries = 0;
let windowDeliveries = 0;
const sameNodeLatencies: number[] = [];
const crossNodeLatencies: number[] = [];
const merged: MergedDeliveries = { keys: [], seqs: [], receivedAt: [], sameNode: [] };
let stopWriters: (() => void) | null = null;
let loopDelay: IntervalHistogram | null = null;

function delivered(node: number, writerKey: string, firstSeq: number, lastSeq: number, lastSentAt: number, receivedAt: number): void {
  const sameNode = writerNodes.get(writerKey) === node;
  const count = lastSeq - firstSeq + 1;
  totalDeliveries += count;
  if (receivedAt >= windowStart && receivedAt < windowEnd) windowDeliveries += count;
  timed(lastSentAt, receivedAt, sameNode);
  for (let seq = firstSeq; seq < lastSeq; seq++) {
    merged.keys.push(writerKey);
    merged.seqs.push(seq);
    merged.receivedAt.push(receivedAt);
    merged.sameNode.push(sameNode);
  }
}

function timed(sentAt: number, receivedAt: number, sameNode: boolean): void {
  if (sentAt >= windowStart && sentAt < windowEnd) (sameNode ? sameNodeLatencies : crossNodeLatencies).push(receivedAt - sentAt);
}

async function connect({ clients, concurrency, timeoutMs, writers: placements }: LoadRequests['connect']['request']): Promise<null> {
  for (const { key, room, node } of placements) {
    writerNodes.set(key, node);
    roomWriters.set(room, [...(roomWriters.get(room) ?? []), key]);
  }
  const deadline = Date.now() + timeoutMs;
  let next = 0;
  const opener = async (): Promise<void> => {
    while (next < clients.length) {
      const spec = clients[next++] as ClientSpec;
      const client = CLIENT_FACTORIES[spec.kind](
        spec.wsUrl,
        spec.path,
        (key, first, last, lastSentAt, receivedAt) => delivered(spec.node, key, first, last, lastSentAt, receivedAt),
        spec.writerKey !== null,
      );
      connections.push({ spec, client });
      if (spec.writerKey !== null) writers.push({ spec, client, key: spec.writerKey, sent: 0, lastSentAt: 0, sendTimes: [] });
      await withTimeout(client.synced, deadline - Date.now(), 'timed out connecting the clients');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, opener));
  return null;
}

/**
 * Starts every writer at a random phase of its period. Each writer's n-th change is due at
 * start + phase + n × period: a tick that fires late (the process was busy handling a burst of
 * deliveries) does not move the later ones. With `setInterval` it would, and the writers' phases
 * would drift to just after the bursts — which follow the servers' group commits when nodes relay
 * committed updates — so the writers would fall into step with the commits instead of writing
 * independently of them.
 */
function start({ startAt, periodMs }: LoadRequests['start']['request']): null {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  for (const writer of writers) {
    const phase = Math.random() * periodMs;
    let ticks = 0;
    const schedule = (): void => {
      const timer = setTimeout(tick, Math.max(0, startAt + phase + ticks * periodMs - monotonicMs()));
      timers.add(timer);
    };
    const tick = (): void => {
      if (stopped) return;
      writer.sent++;
      writer.lastSentAt = writer.client.write(writer.key, writer.sent);
      writer.sendTimes[writer.sent] = writer.lastSentAt;
      ticks++;
      schedule();
    };
    schedule();
  }
  stopWriters = () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
  return null;
}

function window({ start: from, end }: LoadRequests['window']['request']): null {
  windowStart = from;
  windowEnd = end;
  setTimeout(
    () => {
      loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
      loopDelay.enable();
      setTimeout(() => loopDelay?.disable(), Math.max(0, end - monotonicMs()));
    },
    Math.max(0, from - monotonicMs()),
  );
  return null;
}

function stop(): WriterReport[] {
  stopWriters?.();
  return writers.map(({ key, spec, client, sent, lastSentAt, sendTimes }) => ({
    key,
    room: spec.room,
    clientId: client.doc.clientID,
    clock: client.ownClock(),
    sent,
    lastSentAt,
    sendTimes: Float64Array.from(sendTimes, (t) => t ?? Number.NaN),
  }));
}

function results({ sendTimes }: LoadRequests['results']['request']): WorkerResults {
  for (let i = 0; i < merged.seqs.length; i++) {
    const sentAt = sendTimes[merged.keys[i] as string]?.[merged.seqs[i] as number] ?? Number.NaN;
    timed(sentAt, merged.receivedAt[i] as number, merged.sameNode[i] as boolean);
  }
  merged.keys.length = merged.seqs.length = merged.receivedAt.length = merged.sameNode.length = 0;
  const clients: ClientReport[] = connections.map(({ spec, client }) => ({
    room: spec.room,
    index: spec.index,
    failure: client.failure,
    tallies: (roomWriters.get(spec.room) ?? []).filter((key) => key !== spec.writerKey).map((key) => [key, client.tally(key)]),
  }));
  return {
    totalDeliveries,
    windowDeliveries,
    sameNodeLatencies: Float64Array.from(sameNodeLatencies),
    crossNodeLatencies: Float64Array.from(crossNodeLatencies),
    clients,
    // The histogram holds whole timer intervals; the delay is what exceeds the resolution.
    loopDelayP99Ms: loopDelay ? Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS) : 0,
  };
}

async function handle(message: LoadRequestMessage): Promise<unknown> {
  switch (message.type) {
    case 'connect':
      return connect(message);
    case 'start':
      return start(message);
    case 'window':
      return window(message);
    case 'stop':
      return stop();
    case 'progress':
      return { deliveries: totalDeliveries, failures: connections.filter((c) => c.client.failure !== null).length };
    case 'results':
      return results(message);
    case 'expectClose':
      for (const { client } of connections) client.expectClose();
      return null;
    case 'close':
      await Promise.all(connections.map(({ client }) => client.close()));
      return null;
  }
}

serveRequests<LoadRequests>(handle);
