/**
 * Drives one load scenario against one running server: connects every client, runs the writers
 * through a warm-up and a measured window, waits for in-flight updates, and counts exactly what
 * arrived where.
 *
 * The connections are spread over several generator processes (`loadWorker.ts`; each room's
 * clients alternate between them), so one busy generator does not cap the load or add its own
 * queueing to the latency. Fan-out latency is the time from a writer's local change (stamped with
 * the machine's monotonic clock just before `Y.Map.set`) to the moment another client of the room
 * has integrated it, usually in another generator process. Server CPU is the server
 * process's user + system time over the window (from /proc), divided by the deliveries that
 * arrived during the window. With several server nodes (processes), CPU and memory are summed
 * over them and latency is also split into same-node pairs (writer and receiver connected to the
 * same node) and cross-node pairs.
 */
import type { ClientKind } from './clientKinds.js';
import type { ClientReport, ClientSpec, LoadRequests, LoadRequestType, WriterPlacement, WriterReport } from './loadProtocol.js';
import { machineBusyMicros, processCpuMicros, processCpuSplitMicros, type CpuSource, type MemorySample } from './procStats.js';
import type { ServerProcess } from './serverProcess.js';
import { summarize, type LatencySummary } from './stats.js';
import { monotonicMs, sleep } from './time.js';
import type { RoomPaths } from './targets.js';
import { WorkerProcess } from './workerChannel.js';

/** The load shape. */
export interface LoadSettings {
  clients: number;
  writers: number;
  hz: number;
  seconds: number;
  warmupSeconds: number;
  drainSeconds: number;
  /** Generator processes. */
  generators: number;
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
  /** The part of it spent in the kernel (system time: mostly the socket writes and reads), µs per delivery. */
  serverSystemCpuMicrosPerDelivery: number;
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
  /** Generator processes the connections were spread over. */
  generatorCount: number;
  /** The generator processes' CPU over the window (this coordinating process included), % of one core. */
  generatorCpuPercent: number;
  /** 99th percentile of the event-loop delay of the busiest generator process over the window, ms. */
  generatorLoopDelayP99Ms: number;
  /**
   * CPU used over the window by everything on the machine except the server, the watched
   * processes and this generator (other processes, the kernel), % of one core: background load
   * that may have disturbed the run.
   */
  backgroundCpuPercent: number;
}

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
  /** Connections in the room. */
  clientCount: number;
  /** What its writers wrote (known once `measure` has stopped them; for checking stored state). */
  writers: WriterRecord[];
}

const CONNECT_CONCURRENCY = 50;
const CONNECT_TIMEOUT_MS = 120_000;
/** Time given to a request to reach every generator before the moment it names. */
const LEAD_MS = 250;
const WORKER_PATH = new URL('./loadWorker.ts', import.meta.url);

/** One forked generator process and its request/reply channel. */
type GeneratorProcess = WorkerProcess<LoadRequests>;

/** One scenario against one server, driven from several generator processes. */
export class LoadRun {
  private connectSeconds = 0;
  private startMemory: MemorySample[] = [];
  readonly rooms: ConnectedRoom[] = [];

  private constructor(
    private readonly servers: readonly ServerProcess[],
    private readonly settings: LoadSettings,
    private readonly watched: readonly CpuSource[],
    private readonly generators: readonly GeneratorProcess[],
  ) {}

  /**
   * Opens and syncs every connection of `rooms` (at most 50 handshakes at a time over all
   * generators). `server` may be several nodes: a room's `nodes` says which one each client
   * connects to. The CPU of `watched` (e.g. the database) is measured over the window too.
   * `kind` is the client every connection uses.
   */
  static async connect(
    server: ServerProcess | readonly ServerProcess[],
    rooms: readonly RoomPaths[],
    settings: LoadSettings,
    watched: readonly CpuSource[] = [],
    kind: ClientKind = 'y-websocket',
  ): Promise<LoadRun> {
    const servers = Array.isArray(server) ? (server as readonly ServerProcess[]) : [server as ServerProcess];
    if (servers.length === 0) throw new Error('no server to connect to');
    const generators = Array.from(
      { length: Math.max(1, settings.generators) },
      (_, i) => new WorkerProcess<LoadRequests>(WORKER_PATH, `generator ${i}`),
    );
    const run = new LoadRun(servers, settings, watched, generators);
    run.startMemory = servers.map((s) => s.memory());
    const shares: ClientSpec[][] = generators.map(() => []);
    const writers: WriterPlacement[] = [];
    let next = 0;
    rooms.forEach((room, roomIndex) => {
      run.rooms.push({ name: room.name, firstPath: room.paths[0] ?? '', clientCount: room.paths.length, writers: [] });
      room.paths.forEach((path, index) => {
        const node = room.nodes?.[index] ?? 0;
        const target = servers[node];
        if (!target) throw new Error(`room ${room.name}: client ${index} is meant for node ${node}, which does not exist`);
        const writerKey = index < settings.writers ? `w${roomIndex}.${index}` : null;
        if (writerKey !== null) writers.push({ key: writerKey, room: roomIndex, node });
        shares[next++ % generators.length]?.push({ room: roomIndex, index, wsUrl: target.wsUrl, path, kind, node, writerKey });
      });
    });
    const started = performance.now();
    const concurrency = Math.ceil(CONNECT_CONCURRENCY / generators.length);
    try {
      await Promise.all(
        generators.map((g, i) => g.request('connect', { clients: shares[i] ?? [], concurrency, timeoutMs: CONNECT_TIMEOUT_MS, writers })),
      );
    } catch (error) {
      await run.closeAll();
      throw new Error(`could not connect ${next} clients to ${servers.map((s) => s.name).join(' + ')}: ${(error as Error).message}`);
    }
    run.connectSeconds = (performance.now() - started) / 1000;
    return run;
  }

  /** Runs warm-up, window and drain; returns the figures. */
  async measure(): Promise<LoadMeasurement> {
    const { hz, seconds, warmupSeconds, drainSeconds } = this.settings;
    const idleMemory = this.servers.map((s) => s.memory());
    const startAt = monotonicMs() + LEAD_MS;
    await this.everyGenerator('start', { startAt, periodMs: 1000 / hz });
    const windowStart = startAt + warmupSeconds * 1000;
    const windowEnd = windowStart + seconds * 1000;
    await this.everyGenerator('window', { start: windowStart, end: windowEnd });

    await sleep(windowStart - monotonicMs());
    const cpu0 = this.cpuReadings();
    await sleep(windowEnd - monotonicMs());
    const cpu1 = this.cpuReadings();
    const memory = this.servers.map((s) => s.memory());
    const reports = (await this.everyGenerator('stop', {})).flat();
    this.recordWriters(reports);

    const windowSeconds = (cpu1.at - cpu0.at) / 1000;
    const windowMicros = windowSeconds * 1e6;
    const nodeCpu = cpu1.nodes.map((micros, i) => micros - (cpu0.nodes[i] ?? 0));
    const watchedMicros = cpu0.watched.map(({ name, since }) => ({ name, micros: since() }));
    const serverCpu = nodeCpu.reduce((sum, micros) => sum + micros, 0);
    const serverSystemCpu = cpu1.nodesSystem.reduce((sum, micros, i) => sum + micros - (cpu0.nodesSystem[i] ?? 0), 0);
    const watchedTotal = watchedMicros.reduce((sum, w) => sum + w.micros, 0);
    const generatorMicros = cpu1.generators - cpu0.generators;
    const machineBusy = cpu1.machine - cpu0.machine;

    const expected = this.rooms.reduce((sum, room) => sum + room.writers.reduce((s, w) => s + w.sent, 0) * (room.clientCount - 1), 0);
    const drainDeadline = monotonicMs() + drainSeconds * 1000;
    for (;;) {
      const progress = await this.everyGenerator('progress', {});
      const deliveries = progress.reduce((sum, p) => sum + p.deliveries, 0);
      if (deliveries >= expected || monotonicMs() > drainDeadline || progress.some((p) => p.failures > 0)) break;
      await sleep(50);
    }
    const sendTimes = Object.fromEntries(reports.map((r) => [r.key, r.sendTimes]));
    const results = await this.everyGenerator('results', { sendTimes });
    const windowDeliveries = results.reduce((sum, r) => sum + r.windowDeliveries, 0);
    const sameNode = results.flatMap((r) => Array.from(r.sameNodeLatencies));
    const crossNode = results.flatMap((r) => Array.from(r.crossNodeLatencies));
    return {
      connections: this.rooms.reduce((sum, room) => sum + room.clientCount, 0),
      connectSeconds: this.connectSeconds,
      windowSeconds,
      updatesSent: reports.reduce((sum, r) => sum + r.sent, 0),
      ...this.tally(results.flatMap((r) => r.clients)),
      windowDeliveries,
      deliveriesPerSecond: windowDeliveries / (seconds || 1),
      latency: summarize([...sameNode, ...crossNode]),
      nodeCount: this.servers.length,
      sameNodeLatency: summarize(sameNode),
      crossNodeLatency: summarize(crossNode),
      serverCpuMicros: serverCpu,
      serverCpuPercent: (serverCpu / windowMicros) * 100,
      serverCpuMicrosPerDelivery: serverCpu / windowDeliveries,
      serverSystemCpuMicrosPerDelivery: serverSystemCpu / windowDeliveries,
      nodeCpuMicros: nodeCpu,
      startMemory: this.startMemory,
      idleMemory,
      memory,
      watchedCpu: watchedMicros,
      generatorCount: this.generators.length,
      generatorCpuPercent: (generatorMicros / windowMicros) * 100,
      generatorLoopDelayP99Ms: Math.max(0, ...results.map((r) => r.loopDelayP99Ms)),
      backgroundCpuPercent: Math.max(0, ((machineBusy - serverCpu - watchedTotal - generatorMicros) / windowMicros) * 100),
    };
  }

  /** Tells every client that the server is about to close it. */
  async expectClose(): Promise<void> {
    await this.everyGenerator('expectClose', {});
  }

  /** Closes every connection and ends the generator processes. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(this.generators.map((g) => g.request('close', {})));
    for (const g of this.generators) g.stop();
  }

  private everyGenerator<T extends LoadRequestType>(
    type: T,
    payload: LoadRequests[T]['request'],
  ): Promise<Array<LoadRequests[T]['reply']>> {
    return Promise.all(this.generators.map((g) => g.request(type, payload)));
  }

  /** CPU counters at one moment: servers, watched processes (started), generators, machine. */
  private cpuReadings(): {
    at: number;
    nodes: number[];
    nodesSystem: number[];
    watched: Array<{ name: string; since: () => number }>;
    generators: number;
    machine: number;
  } {
    const own = process.cpuUsage();
    return {
      at: monotonicMs(),
      nodes: this.servers.map((s) => s.cpuMicros()),
      nodesSystem: this.servers.map((s) => processCpuSplitMicros(s.pid).system),
      watched: this.watched.map((source) => ({ name: source.name, since: source.start() })),
      generators: own.user + own.system + this.generators.reduce((sum, g) => sum + processCpuMicros(g.pid), 0),
      machine: machineBusyMicros(),
    };
  }

  private recordWriters(reports: readonly WriterReport[]): void {
    for (const { key, room, clientId, clock, sent, lastSentAt } of reports) {
      this.rooms[room]?.writers.push({ key, clientId, clock, sent, lastSentAt });
    }
    for (const room of this.rooms) room.writers.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  }

  private tally(
    clients: readonly ClientReport[],
  ): Pick<LoadMeasurement, 'delivered' | 'expected' | 'incompletePairs' | 'outOfOrder' | 'merged' | 'clientFailures'> {
    const sent = new Map(this.rooms.flatMap((room) => room.writers.map((w) => [w.key, w.sent] as const)));
    let delivered = 0;
    let expected = 0;
    let incompletePairs = 0;
    let outOfOrder = 0;
    let merged = 0;
    const clientFailures: string[] = [];
    for (const client of clients) {
      const room = this.rooms[client.room];
      if (client.failure !== null && clientFailures.length < 5) clientFailures.push(`${room?.name ?? client.room}: ${client.failure}`);
      for (const [key, tally] of client.tallies) {
        const writerSent = sent.get(key) ?? 0;
        delivered += Math.min(tally.count, writerSent);
        expected += writerSent;
        outOfOrder += tally.outOfOrder;
        merged += tally.merged;
        if (tally.count !== writerSent || tally.lastSeq !== writerSent) incompletePairs++;
      }
    }
    return { delivered, expected, incompletePairs, outOfOrder, merged, clientFailures };
  }
}
