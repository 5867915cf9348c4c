/**
 * `npm run bench`: fan-out benchmark of the Worktable relay against the reference y-websocket 2.1
 * server under the same load. Each server runs as its own process; this process is the load
 * generator (see loadRun.ts for how latency and CPU are measured). Exits non-zero unless every
 * change reached every other client of its room and Worktable stored every change.
 *
 *   npm run bench                                   # 50 rooms × 20 clients, 2 writers at 5 Hz, 20 s
 *   npm run bench -- --rooms 5 --clients 5 --seconds 3 --only worktable
 *   npm run bench -- --servers worktable-postgres,worktable-2nodes   # one node vs two (issue #7)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoadRun, type LoadSettings } from './loadRun.js';
import { runAwareness } from './awarenessBench.js';
import { runJoinStorm } from './joinStorm.js';
import { runLargeDocument } from './largeDocument.js';
import {
  OptionError,
  USAGE,
  loadShape,
  parseOptions,
  type BenchOptions,
  type LoadScenario,
  type LoadShape,
  type Scenario,
  type ServerChoice,
} from './options.js';
import { CORE_SERVER_CLIENTS, type CoreServer, type ScenarioContext, type ScenarioOutcome, type ScenarioRunner } from './scenarioKit.js';
import { checkPersistedCounters, checkRestoredState, measureUnload, nodeLabel } from './persistenceCheck.js';
import { namedProcessesCpu, processMemory, type CpuSource } from './procStats.js';
import { failureLines, passed, resultTable, type ServerResult } from './report.js';
import {
  BENCH_REDIS_URL,
  counterDelta,
  createBenchDatabase,
  crossNodeCounters,
  redisStats,
  type BenchDatabase,
  type CrossNodeCounters,
  type RedisStats,
} from './scaleout.js';
import {
  floorSpec,
  freePort,
  hocuspocusSpec,
  referenceSpec,
  startServer,
  worktableSpec,
  type ServerProcess,
  type WorktableSetup,
} from './serverProcess.js';
import { referenceRooms, worktableRooms } from './targets.js';
import { sleep } from './time.js';
import { crossNodeNotes, loadAverage, machineLine, ratioLines, SERVER_NAMES, summaryLine } from './relayBenchLines.js';

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }

  log(machineLine());
  let failed = false;
  const summary: string[] = [];
  const context: ScenarioContext = { smoke: options.smoke, log, hotRoomCpuPercent: null };
  for (const scenario of options.scenarios) {
    log(`\n################ scenario ${scenario}${options.smoke ? ' (smoke)' : ''} ################`);
    const outcome = isLoadScenario(scenario)
      ? await runLoadScenario(options, scenario, context)
      : await runOtherScenario(options, scenario, context);
    failed ||= !outcome.ok;
    summary.push(...outcome.summary);
  }
  log(`\n================ summary ================\n${summary.join('\n')}`);
  return failed ? 1 : 0;
}

/** Servers that run every scenario; the PostgreSQL and LevelDB variants run the steady-load ones only. */
const ALL_SCENARIO_SERVERS: readonly CoreServer[] = ['worktable', 'hocuspocus', 'reference'];

function isCoreServer(choice: ServerChoice): choice is CoreServer {
  return (ALL_SCENARIO_SERVERS as readonly string[]).includes(choice);
}

function isLoadScenario(scenario: Scenario): scenario is LoadScenario {
  return scenario === 'convening' || scenario === 'hot-room' || scenario === 'many-idle';
}

/** A steady-load scenario on every chosen server, its table, and its ratios. */
async function runLoadScenario(options: BenchOptions, scenario: LoadScenario, context: ScenarioContext): Promise<ScenarioOutcome> {
  const shape = loadShape(scenario, options);
  log(
    `Scenario ${scenario}: ${shape.rooms} rooms × ${shape.clients} clients = ${shape.rooms * shape.clients} connections, ` +
      `${shape.writers} writers/room at ${shape.hz} Hz, warm-up ${shape.warmupSeconds} s, window ${shape.seconds} s`,
  );
  const results: ServerResult[] = [];
  for (const choice of options.servers) {
    log(`\n== ${choice} (load average ${loadAverage()}) ==`);
    results.push(
      isBaseline(choice) ? await runBaseline(shape, choice) : await runWorktable(shape, WORKTABLE_VARIANTS[choice], options.keepData),
    );
    await sleep(1000);
  }

  log(`\nload average after the runs: ${loadAverage()}\n`);
  log(resultTable(results));
  const summary = ratioLines(scenario, results);
  const worktable = results.find((r) => r.name === SERVER_NAMES.worktable);
  if (scenario === 'hot-room' && worktable) context.hotRoomCpuPercent = worktable.measurement.serverCpuPercent;
  log(`\n${summary.join('\n')}`);
  const failures = results.flatMap(failureLines);
  if (failures.length > 0 || !results.every(passed)) {
    log(`\nFAILED:\n${failures.map((line) => `  - ${line}`).join('\n')}`);
    return { ok: false, summary: [...summary, `${scenario}: FAILED`] };
  }
  log('\nEvery change reached every other client of its room.');
  return { ok: true, summary };
}

/** Join storm, large document or awareness, on the servers that run them. */
async function runOtherScenario(
  options: BenchOptions,
  scenario: Exclude<Scenario, LoadScenario>,
  context: ScenarioContext,
): Promise<ScenarioOutcome> {
  const servers = options.servers.filter(isCoreServer);
  const skipped = options.servers.filter((choice) => !isCoreServer(choice));
  if (skipped.length > 0) log(`(${skipped.join(', ')}: steady-load scenarios only)`);
  if (servers.length === 0) return { ok: true, summary: [] };
  return SCENARIO_RUNNERS[scenario](servers, context);
}

const SCENARIO_RUNNERS: Record<Exclude<Scenario, LoadScenario>, ScenarioRunner> = {
  'join-storm': runJoinStorm,
  'large-doc': runLargeDocument,
  awareness: runAwareness,
};

/**
 * Per-scenario ratios Worktable / Hocuspocus and Worktable / reference on CPU per delivery, p99
 * latency and memory, and, where the floor ran, the floor's line (`floorLines`).
 */
/** How a Worktable choice is deployed. */
interface WorktableVariant {
  choice: ServerChoice;
  /** Server processes; a room's clients alternate between them. */
  nodes: number;
  /** A fresh PostgreSQL database instead of SQLite. */
  postgres: boolean;
  /** Cross-node sync over Redis. */
  redis: boolean;
}

const WORKTABLE_VARIANTS: Record<'worktable' | 'worktable-postgres' | 'worktable-2nodes', WorktableVariant> = {
  worktable: { choice: 'worktable', nodes: 1, postgres: false, redis: false },
  'worktable-postgres': { choice: 'worktable-postgres', nodes: 1, postgres: true, redis: false },
  'worktable-2nodes': { choice: 'worktable-2nodes', nodes: 2, postgres: true, redis: true },
};

/** CPU of the database and of Redis, measured over the window for the PostgreSQL runs (they serve the nodes, but count machine-wide). */
const SERVICE_CPU: readonly CpuSource[] = [
  namedProcessesCpu('PostgreSQL (all postgres processes)', ['postgres']),
  namedProcessesCpu('Redis (redis-server)', ['redis-server']),
];

function loadSettings(shape: LoadShape): LoadSettings {
  const { clients, writers, hz, seconds, warmupSeconds, drainSeconds, generators } = shape;
  return { clients, writers, hz, seconds, warmupSeconds, drainSeconds, generators };
}

/**
 * Worktable with persistence, then the persistence checks (counters, then restart and compare).
 * On PostgreSQL a fresh database is created for the run and dropped after; with several nodes
 * they share it and sync over Redis, and the nodes' cross-node counters are read before the load
 * and after the drain.
 */
async function runWorktable(shape: LoadShape, variant: WorktableVariant, keepData: boolean): Promise<ServerResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-bench-'));
  const nodes: ServerProcess[] = [];
  let database: BenchDatabase | null = null;
  try {
    if (variant.postgres) {
      database = await createBenchDatabase();
      log(`database ${database.name} created (${database.settings})`);
    }
    const setup: WorktableSetup = database
      ? {
          databaseUrl: database.url,
          tokenSecret: crypto.randomBytes(32).toString('hex'),
          ...(variant.redis ? { redisUrl: BENCH_REDIS_URL } : {}),
        }
      : {};
    // One after the other: the first migrates the fresh database.
    for (let i = 0; i < variant.nodes; i++) {
      const name = variant.nodes > 1 ? `Worktable node ${nodeLabel(i)}` : 'Worktable';
      nodes.push(await startServer(worktableSpec(await freePort(), dataDir, { ...setup, name })));
    }
    const first = nodes[0] as ServerProcess;
    log(
      `started pid ${nodes.map((n) => n.pid).join(' + ')}, data in ${database ? database.name : dataDir}; creating ${shape.rooms} sessions`,
    );
    const rooms = await worktableRooms(first.httpUrl, shape.rooms, shape.clients, variant.nodes);
    const run = await LoadRun.connect(nodes, rooms, loadSettings(shape), variant.postgres ? SERVICE_CPU : []);
    let before: { nodes: CrossNodeCounters[]; redis: RedisStats } | null = null;
    if (variant.redis) {
      // Let the state-vector exchanges of the documents' first load settle before counting.
      await sleep(1000);
      before = { nodes: await Promise.all(nodes.map((n) => crossNodeCounters(n.httpUrl))), redis: await redisStats() };
    }
    log('clients connected and synced; measuring');
    const measurement = await run.measure();
    log(`window done (${summaryLine(measurement.deliveriesPerSecond, measurement.serverCpuMicrosPerDelivery)}); checking storage`);

    const notes: ServerResult['notes'] = [];
    const checks: ServerResult['checks'] = [];
    if (before) {
      // After the drain every update has reached every client, those on the other node included, so every relay happened.
      const after = { nodes: await Promise.all(nodes.map((n) => crossNodeCounters(n.httpUrl))), redis: await redisStats() };
      notes.push(...crossNodeNotes(before, after, measurement.updatesSent));
      const delta = counterDelta(before.nodes, after.nodes);
      const healthy = after.nodes.every((c) => c.ok) && delta.publishFailures === 0;
      checks.push({
        name: 'cross-node sync',
        result: {
          ok: healthy,
          detail: `${after.nodes.map((c) => (c.ok ? 'ok' : 'DOWN')).join(' / ')}, ${delta.publishFailures} publish failures`,
        },
      });
    }
    const counters = await checkPersistedCounters(
      nodes.map((n) => n.httpUrl),
      measurement.updatesSent,
    );
    checks.push({ name: 'stored: server counters', result: counters.check });
    if (database) checks.push({ name: 'stored once: rows in PostgreSQL', result: await database.storedOnce(measurement.updatesSent) });
    await run.expectClose();
    await run.closeAll();
    const unloads = await Promise.all(nodes.map((node) => measureUnload(node.httpUrl, () => processMemory(node.pid).rssBytes)));
    checks.push({
      name: 'memory after every client left',
      result: {
        ok: unloads.every((u) => u.ok),
        detail: unloads.length > 1 ? unloads.map((u, i) => `${nodeLabel(i)}: ${u.detail}`).join('; ') : (unloads[0]?.detail ?? ''),
      },
    });
    const exitCodes: Array<number | null> = [];
    for (const node of nodes.splice(0)) exitCodes.push(await node.stop());
    const expectations = run.rooms.map((room) => ({ name: room.name, path: room.firstPath, writers: room.writers }));
    // One fresh node on the same storage, without Redis: what it serves comes from storage alone.
    const restored = exitCodes.every((code) => code === 0)
      ? await checkRestoredState((port) => worktableSpec(port, dataDir, { ...setup, redisUrl: undefined }), expectations)
      : { ok: false, detail: `server exited with code ${exitCodes.map(String).join(' / ')} on SIGTERM` };
    checks.push({ name: 'stored: state after SIGTERM + restart', result: restored });
    notes.unshift({ name: 'storage commits (server histogram)', value: counters.commits });
    return { name: SERVER_NAMES[variant.choice], measurement, checks, notes };
  } finally {
    for (const node of nodes) await node.stop();
    if (database) {
      if (keepData) log(`kept database ${database.name} (${database.url})`);
      else await database.drop().catch((error: unknown) => log(`could not drop database ${database?.name}: ${String(error)}`));
    }
    if (keepData) log(`kept data in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The servers other than Worktable's variants: nothing of theirs is checked after the run but delivery. */
type Baseline = Exclude<ServerChoice, keyof typeof WORKTABLE_VARIANTS>;

function isBaseline(choice: ServerChoice): choice is Baseline {
  return !Object.hasOwn(WORKTABLE_VARIANTS, choice);
}

/** A baseline under the same load: Hocuspocus in memory, the reference in memory or persisting to LevelDB, or the floor. */
async function runBaseline(shape: LoadShape, choice: Baseline): Promise<ServerResult> {
  const leveldbDir = choice === 'reference-leveldb' ? fs.mkdtempSync(path.join(os.tmpdir(), 'y-leveldb-bench-')) : undefined;
  const port = await freePort();
  const spec = choice === 'hocuspocus' ? hocuspocusSpec(port) : choice === 'floor' ? floorSpec(port) : referenceSpec(port, leveldbDir);
  const server = await startServer(spec);
  try {
    log(`started pid ${server.pid}`);
    const kind = choice === 'hocuspocus' ? CORE_SERVER_CLIENTS.hocuspocus : CORE_SERVER_CLIENTS.reference;
    const run = await LoadRun.connect(server, referenceRooms(shape.rooms, shape.clients), loadSettings(shape), [], kind);
    log('clients connected and synced; measuring');
    const measurement = await run.measure();
    log(`window done (${summaryLine(measurement.deliveriesPerSecond, measurement.serverCpuMicrosPerDelivery)})`);
    await run.closeAll();
    return { name: SERVER_NAMES[choice], measurement, checks: [], notes: [] };
  } finally {
    await server.stop();
    if (leveldbDir) fs.rmSync(leveldbDir, { recursive: true, force: true });
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
