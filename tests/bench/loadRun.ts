/**
 * Drives one load scenario against one running server: connects every client, runs the writers
 * through a warm-up and a measured window, waits for in-flight updates, and counts exactly what
 * arrived where.
 *
 * Fan-out latency is the time from a writer's local change (stamped with `performance.now()`
 * just before `Y.Map.set`) to the moment another client of the room has integrated it; all
 * clients live in this process, so both ends read the same clock. Server CPU is the server
 * process's user + system time over the window (from /proc), divided by the deliveries that
 * arrived during the window. With several server nodes (processes), CPU and memory are summed
 * over them and latency is also split into same-node pairs (writer and receiver connected to the
 * same node) and cross-node pairs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchClient } from './benchClient.js';
import type { DeliveryListener, LoadClient } from './stampedDocument.js';
import { machineBusyMicros, type CpuSource, type MemorySample } from './procStats.js';
import type { ServerProcess } from './serverProcess.js';
import { summarize, type LatencySummary } from './stats.js';
import { sleep, withTimeout } from './time.js';
import type { RoomPaths } from './targets.js';

/** The load shape. */
export interface LoadSettings {
  clients: number;
  writers: number;
  hz: number;
  seconds: number;
  warmupSeconds: number;
  drainSeconds: number;
}

/** What one run measured. */
export interface LoadMeasurement {
  connections: number;
  /** Seconds to open and sync every connection. */
  connectSeconds: number;
  /** Actual length of the measured window. */
  windowSeconds: number;
  /** Changes written by all writers (warm-up included). */
  updatesSent: number;
  /** Deliveries counted per (receiver, writer) pair, capped at what the writer sent. */
  delivered: number;
  /** Changes sent × other clients in the room. */
  expected: number;
  /** (receiver, writer) pairs that did not end with every change, in order. */
  incompletePairs: number;
  /** Observed changes that went backwards or repeated a sequence number. */
  outOfOrder: number;
  /** Changes that reached a receiver merged into a later one by the server (counted as delivered, with their own latency). */
  merged: number;
  /** First few connection failures. */
  clientFailures: string[];
  /** Deliveries that arrived during the window. */
  windowDeliveries: number;
  deliveriesPerSecond: number;
  /** Fan-out latency of changes sent during the window, in ms. */
  latency: LatencySummary;
  /** Server processes (nodes) the clients were spread over. */
  nodeCount: number;
  /** Latency of the deliveries whose writer and receiver were connected to the same node. */
  sameNodeLatency: LatencySummary;
  /** Latency of the deliveries whose writer and receiver were connected to different nodes. */
  crossNodeLatency: LatencySummary;
  /** Server CPU over the window, µs (all nodes). */
  serverCpuMicros: number;
  /** Server CPU over the window as a percentage of one core (all nodes). */
  serverCpuPercent: number;
  serverCpuMicrosPerDelivery: number;
  /** Server CPU over the window per node, µs. */
  nodeCpuMicros: number[];
  /** Per node: server memory before the first connection (after session setup for Worktable). */
  startMemory: MemorySample[];
  /** Per node: server memory with every client connected and synced, before any writing. */
  idleMemory: MemorySample[];
  /** Per node: server memory at the end of the window (peak = highest so far). */
  memory: MemorySample[];
  /** CPU over the window of the other watched processes (database, Redis), µs. */
  watchedCpu: Array<{ name: string; micros: number }>;
  /** This generator process's CPU over the window, % of one core (all its threads). */
  generatorCpuPercent: number;
  /** 99th percentile of this process's event-loop delay over the window, ms. */
  generatorLoopDelayP99Ms: number;
  /**
   * CPU used over the window by everything on the machine except the server, the watched
   * processes and this generator (other processes, the kernel), % of one core: background load
   * that may have disturbed the run.
   */
  backgroundCpuPercent: number;
}

/**
 * Makes the client of one connection to `server`; `path` is what the room gave for it (a URL path
 * for y-websocket servers, a document name for Hocuspocus).
 */
export type LoadClientFactory = (server: ServerProcess, path: string, onDelivery: DeliveryListener, writer: boolean) => LoadClient;

/** The y-websocket client (`BenchClient`) at `server.wsUrl + path`. */
export const yWebsocketClients: LoadClientFactory = (server, path, onDelivery, writer) => new BenchClient(server.wsUrl + path, onDelivery, writer);

/** What a writer produced, for checking stored state afterwards. */
export interface WriterRecord {
  key: string;
  /** Yjs client id of the writer's document. */
  clientId: number;
  /** The writer's own clock (state vector entry) after its last change. */
  clock: number;
  /** Changes written (also the last sequence number). */
  sent: number;
  /** Send time of the last change (the `t` stored with it). */
  lastSentAt: number;
}

/** A room as connected. */
export interface ConnectedRoom {
  name: string;
  /** Path of the first client, reusable to connect again later (e.g. after a restart). */
  firstPath: string;
  clients: LoadClient[];
  writers: WriterState[];
}

interface WriterState extends Omit<WriterRecord, 'clock'> {
  client: LoadClient;
}

const CONNECT_CONCURRENCY = 50;
const LOOP_DELAY_RESOLUTION_MS = 10;
const CONNECT_TIMEOUT_MS = 120_000;

/** One scenario against one server. */
export class LoadRun {
  private readonly latencies: number[] = [];
  private readonly sameNodeLatencies: number[] = [];
  private readonly crossNodeLatencies: number[] = [];
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  private measuring = false;
  private totalDeliveries = 0;
  private windowDeliveries = 0;
  private connectSeconds = 0;
  private startMemory: MemorySample[] = [];
  /** Node of every writer, by writer key. */
  private readonly writerNodes = new Map<string, number>();
  /** Send time of every change, by writer key and sequence number. */
  private readonly sendTimes = new Map<string, number[]>();
  readonly rooms: ConnectedRoom[] = [];

  private constructor(
    private readonly servers: readonly ServerProcess[],
    private readonly settings: LoadSettings,
    private readonly watched: readonly CpuSource[],
  ) {}

  /**
   * Opens and syncs every connection of `rooms` (at most 50 handshakes at a time). `server` may
   * be several nodes: a room's `nodes` says which one each client connects to. The CPU of
   * `watched` (e.g. the database) is measured over the window too. `clients` makes each
   * connection (default: the y-websocket bench client).
   */
  static async connect(
    server: ServerProcess | readonly ServerProcess[],
    rooms: readonly RoomPaths[],
    settings: LoadSettings,
    watched: readonly CpuSource[] = [],
    clients: LoadClientFactory = yWebsocketClients,
  ): Promise<LoadRun> {
    const servers = Array.isArray(server) ? (server as readonly ServerProcess[]) : [server as ServerProcess];
    if (servers.length === 0) throw new Error('no server to connect to');
    const run = new LoadRun(servers, settings, watched);
    run.startMemory = servers.map((s) => s.memory());
    const started = performance.now();
    const pending: Array<() => LoadClient> = [];
    rooms.forEach((room, roomIndex) => {
      const connected: ConnectedRoom = { name: room.name, firstPath: room.paths[0] ?? '', clients: [], writers: [] };
      run.rooms.push(connected);
      room.paths.forEach((path, clientIndex) => {
        const node = room.nodes?.[clientIndex] ?? 0;
        const target = servers[node];
        if (!target) throw new Error(`room ${room.name}: client ${clientIndex} is meant for node ${node}, which does not exist`);
        const key = `w${roomIndex}.${clientIndex}`;
        if (clientIndex < settings.writers) run.writerNodes.set(key, node);
        const onDelivery: DeliveryListener = (writerKey, firstSeq, lastSeq, receivedAt) =>
          run.delivered(writerKey, firstSeq, lastSeq, receivedAt, run.writerNodes.get(writerKey) === node);
        pending.push(() => {
          const client = clients(target, path, onDelivery, clientIndex < settings.writers);
          connected.clients.push(client);
          if (clientIndex < settings.writers) {
            connected.writers.push({ key, clientId: client.doc.clientID, sent: 0, lastSentAt: 0, client });
          }
          return client;
        });
      });
    });
    const deadline = Date.now() + CONNECT_TIMEOUT_MS;
    let next = 0;
    const opener = async (): Promise<void> => {
      while (next < pending.length) {
        const open = pending[next++] as () => LoadClient;
        await withTimeout(open().synced, deadline - Date.now(), 'timed out connecting the clients');
      }
    };
    try {
      await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, opener));
    } catch (error) {
      await run.closeAll();
      throw new Error(`could not connect ${pending.length} clients to ${servers.map((s) => s.name).join(' + ')}: ${(error as Error).message}`);
    }
    run.connectSeconds = (performance.now() - started) / 1000;
    return run;
  }

  /** Runs warm-up, window and drain; returns the figures. */
  async measure(): Promise<LoadMeasurement> {
    const { hz, seconds, warmupSeconds, drainSeconds } = this.settings;
    const idleMemory = this.servers.map((s) => s.memory());
    const stopWriters = this.startWriters(1000 / hz);

    await sleep(warmupSeconds * 1000);
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
    const generatorCpu0 = process.cpuUsage();
    const machineBusy0 = machineBusyMicros();
    const serverCpu0 = this.servers.map((s) => s.cpuMicros());
    const watchedCpu = this.watched.map((source) => ({ name: source.name, since: source.start() }));
    this.windowDeliveries = 0;
    this.windowStart = performance.now();
    this.measuring = true;

    await sleep(seconds * 1000);
    this.measuring = false;
    this.windowEnd = performance.now();
    const nodeCpu = this.servers.map((s, i) => s.cpuMicros() - (serverCpu0[i] ?? 0));
    const watchedMicros = watchedCpu.map(({ name, since }) => ({ name, micros: since() }));
    const generatorCpu = process.cpuUsage(generatorCpu0);
    const machineBusy = machineBusyMicros() - machineBusy0;
    const memory = this.servers.map((s) => s.memory());
    const serverCpu = nodeCpu.reduce((sum, micros) => sum + micros, 0);
    const watchedTotal = watchedMicros.reduce((sum, w) => sum + w.micros, 0);
    loopDelay.disable();
    stopWriters();

    const windowSeconds = (this.windowEnd - this.windowStart) / 1000;
    const windowMicros = windowSeconds * 1e6;
    const generatorMicros = generatorCpu.user + generatorCpu.system;
    const expectedTotal = this.expectedTotal();
    const drainDeadline = performance.now() + drainSeconds * 1000;
    while (this.totalDeliveries < expectedTotal && performance.now() < drainDeadline && !this.anyFailure()) await sleep(50);

    const tally = this.tally();
    const windowDeliveries = this.windowDeliveries;
    return {
      connections: this.rooms.reduce((sum, room) => sum + room.clients.length, 0),
      connectSeconds: this.connectSeconds,
      windowSeconds,
      updatesSent: this.rooms.reduce((sum, room) => sum + room.writers.reduce((s, w) => s + w.sent, 0), 0),
      ...tally,
      windowDeliveries,
      deliveriesPerSecond: windowDeliveries / windowSeconds,
      latency: summarize(this.latencies),
      nodeCount: this.servers.length,
      sameNodeLatency: summarize(this.sameNodeLatencies),
      crossNodeLatency: summarize(this.crossNodeLatencies),
      serverCpuMicros: serverCpu,
      serverCpuPercent: (serverCpu / windowMicros) * 100,
      serverCpuMicrosPerDelivery: serverCpu / windowDeliveries,
      nodeCpuMicros: nodeCpu,
      startMemory: this.startMemory,
      idleMemory,
      memory,
      watchedCpu: watchedMicros,
      generatorCpuPercent: (generatorMicros / windowMicros) * 100,
      // The histogram holds whole timer intervals; the delay is what exceeds the resolution.
      generatorLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      backgroundCpuPercent: Math.max(0, ((machineBusy - serverCpu - watchedTotal - generatorMicros) / windowMicros) * 100),
    };
  }

  /** What the writers of `room` wrote (after `measure`). */
  static writerRecords(room: ConnectedRoom): WriterRecord[] {
    return room.writers.map(({ key, clientId, sent, lastSentAt, client }) => ({
      key,
      clientId,
      clock: client.ownClock(),
      sent,
      lastSentAt,
    }));
  }

  /** Tells every client that the server is about to close it. */
  expectClose(): void {
    for (const room of this.rooms) for (const client of room.clients) client.expectClose();
  }

  /** Closes every connection. */
  async closeAll(): Promise<void> {
    await Promise.all(this.rooms.flatMap((room) => room.clients.map((client) => client.close())));
  }

  /** Changes `firstSeq`…`lastSeq` of `writerKey` arrived at one receiver; each is a delivery with its own latency. */
  private delivered(writerKey: string, firstSeq: number, lastSeq: number, receivedAt: number, sameNode: boolean): void {
    const sentTimes = this.sendTimes.get(writerKey);
    for (let seq = firstSeq; seq <= lastSeq; seq++) {
      this.totalDeliveries++;
      if (this.measuring) this.windowDeliveries++;
      const sentAt = sentTimes?.[seq] ?? Number.NaN;
      if (sentAt >= this.windowStart && sentAt < this.windowEnd) {
        const latency = receivedAt - sentAt;
        this.latencies.push(latency);
        (sameNode ? this.sameNodeLatencies : this.crossNodeLatencies).push(latency);
      }
    }
  }

  /**
   * Starts every writer at a random phase of its period; returns the function that stops them.
   * Each writer's n-th change is due at start + phase + n × period: a tick that fires late (the
   * generator was busy handling a burst of deliveries) does not move the later ones. With
   * `setInterval` it would, and the writers' phases would drift to just after the bursts — which
   * follow the servers' group commits when nodes relay committed updates — so the writers would
   * fall into step with the commits instead of writing independently of them.
   */
  private startWriters(periodMs: number): () => void {
    const timers = new Map<WriterState, NodeJS.Timeout>();
    let stopped = false;
    const start = performance.now();
    for (const room of this.rooms) {
      for (const writer of room.writers) {
        const phase = Math.random() * periodMs;
        let ticks = 0;
        const tick = (): void => {
          if (stopped) return;
          writer.sent++;
          writer.lastSentAt = writer.client.write(writer.key, writer.sent);
          let times = this.sendTimes.get(writer.key);
          if (!times) {
            times = [];
            this.sendTimes.set(writer.key, times);
          }
          times[writer.sent] = writer.lastSentAt;
          ticks++;
          timers.set(writer, setTimeout(tick, Math.max(0, start + phase + ticks * periodMs - performance.now())));
        };
        timers.set(writer, setTimeout(tick, phase));
      }
    }
    return () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }

  private expectedTotal(): number {
    let expected = 0;
    for (const room of this.rooms) for (const writer of room.writers) expected += writer.sent * (room.clients.length - 1);
    return expected;
  }

  private anyFailure(): boolean {
    return this.rooms.some((room) => room.clients.some((client) => client.failure !== null));
  }

  private tally(): Pick<LoadMeasurement, 'delivered' | 'expected' | 'incompletePairs' | 'outOfOrder' | 'merged' | 'clientFailures'> {
    let delivered = 0;
    let expected = 0;
    let incompletePairs = 0;
    let outOfOrder = 0;
    let merged = 0;
    const clientFailures: string[] = [];
    for (const room of this.rooms) {
      for (const client of room.clients) {
        if (client.failure !== null && clientFailures.length < 5) clientFailures.push(`${room.name}: ${client.failure}`);
        for (const writer of room.writers) {
          if (writer.client === client) continue;
          const tally = client.tally(writer.key);
          delivered += Math.min(tally.count, writer.sent);
          expected += writer.sent;
          outOfOrder += tally.outOfOrder;
          merged += tally.merged;
          if (tally.count !== writer.sent || tally.lastSeq !== writer.sent) incompletePairs++;
        }
      }
    }
    return { delivered, expected, incompletePairs, outOfOrder, merged, clientFailures };
  }
}
