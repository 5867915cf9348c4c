/**
 * `npm run bench`: fan-out benchmark of the Worktable relay against the reference y-websocket 2.1
 * server under the same load. Each server runs as its own process; this process is the load
 * generator (see loadRun.ts for how latency and CPU are measured). Exits non-zero unless every
 * change reached every other client of its room and Worktable stored every change.
 *
 *   npm run bench                                   # 50 rooms × 20 clients, 2 writers at 5 Hz, 20 s
 *   npm run bench -- --rooms 5 --clients 5 --seconds 3 --only worktable
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoadRun, type LoadSettings } from './loadRun.js';
import { OptionError, USAGE, parseOptions, type BenchOptions, type ServerChoice } from './options.js';
import { checkPersistedCounters, checkRestoredState, measureUnload } from './persistenceCheck.js';
import { processMemory } from './procStats.js';
import { cpuComparison, cpuVerdict, failureLines, passed, resultTable, type ServerResult } from './report.js';
import { freePort, referenceSpec, startServer, worktableSpec, type ServerProcess } from './serverProcess.js';
import { referenceRooms, worktableRooms } from './targets.js';
import { sleep } from './time.js';

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
  log(
    `Scenario: ${options.rooms} rooms × ${options.clients} clients = ${options.rooms * options.clients} connections, ` +
      `${options.writers} writers/room at ${options.hz} Hz, warm-up ${options.warmupSeconds} s, window ${options.seconds} s`,
  );

  const results: ServerResult[] = [];
  for (const choice of options.servers) {
    log(`\n== ${choice} (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}) ==`);
    results.push(choice === 'worktable' ? await runWorktable(options) : await runReference(options, choice === 'reference-leveldb'));
    await sleep(1000);
  }

  log(`\nload average after the runs: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  log(resultTable(results));
  const worktable = results.find((r) => r.name === SERVER_NAMES.worktable);
  const reference = results.find((r) => r.name === SERVER_NAMES.reference);
  if (worktable && reference) log(`\n${cpuVerdict(worktable, reference)}`);
  const leveldb = results.find((r) => r.name === SERVER_NAMES['reference-leveldb']);
  if (worktable && leveldb) log(`(For information, against the reference persisting to LevelDB: ${cpuComparison(worktable, leveldb)}.)`);

  const failures = results.flatMap(failureLines);
  if (failures.length > 0 || !results.every(passed)) {
    log(`\nFAILED:\n${failures.map((line) => `  - ${line}`).join('\n')}`);
    return 1;
  }
  log('\nEvery change reached every other client of its room.');
  return 0;
}

const SERVER_NAMES: Record<ServerChoice, string> = {
  worktable: 'Worktable (SQLite)',
  reference: 'y-websocket 2.1 (memory)',
  'reference-leveldb': 'y-websocket 2.1 (LevelDB)',
};

function loadSettings(options: BenchOptions): LoadSettings {
  const { clients, writers, hz, seconds, warmupSeconds, drainSeconds } = options;
  return { clients, writers, hz, seconds, warmupSeconds, drainSeconds };
}

/** Worktable with persistence, then the persistence checks (counters, then restart and compare). */
async function runWorktable(options: BenchOptions): Promise<ServerResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-bench-'));
  let server: ServerProcess | null = null;
  try {
    server = await startServer(worktableSpec(await freePort(), dataDir));
    log(`started pid ${server.pid}, data in ${dataDir}; creating ${options.rooms} sessions`);
    const rooms = await worktableRooms(server.httpUrl, options.rooms, options.clients);
    const run = await LoadRun.connect(server, rooms, loadSettings(options));
    log('clients connected and synced; measuring');
    const measurement = await run.measure();
    log(`window done (${summaryLine(measurement.deliveriesPerSecond, measurement.serverCpuMicrosPerDelivery)}); checking storage`);

    const counters = await checkPersistedCounters(server.httpUrl, measurement.updatesSent);
    run.expectClose();
    await run.closeAll();
    const running = server;
    const unload = await measureUnload(running.httpUrl, () => processMemory(running.pid).rssBytes);
    const exitCode = await server.stop();
    server = null;
    const expectations = run.rooms.map((room) => ({ name: room.name, path: room.firstPath, writers: LoadRun.writerRecords(room) }));
    const restored =
      exitCode === 0
        ? await checkRestoredState(dataDir, expectations)
        : { ok: false, detail: `server exited with code ${String(exitCode)} on SIGTERM` };
    return {
      name: SERVER_NAMES.worktable,
      measurement,
      checks: [
        { name: 'stored: server counters', result: counters.check },
        { name: 'memory after every client left', result: unload },
        { name: 'stored: state after SIGTERM + restart', result: restored },
      ],
      notes: [{ name: 'storage commits (server histogram)', value: counters.commits }],
    };
  } finally {
    await server?.stop();
    if (options.keepData) log(`kept data in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The reference server under the same load, in memory or persisting to LevelDB. */
async function runReference(options: BenchOptions, leveldb: boolean): Promise<ServerResult> {
  const leveldbDir = leveldb ? fs.mkdtempSync(path.join(os.tmpdir(), 'y-leveldb-bench-')) : undefined;
  const server = await startServer(referenceSpec(await freePort(), leveldbDir));
  try {
    log(`started pid ${server.pid}`);
    const run = await LoadRun.connect(server, referenceRooms(options.rooms, options.clients), loadSettings(options));
    log('clients connected and synced; measuring');
    const measurement = await run.measure();
    log(`window done (${summaryLine(measurement.deliveriesPerSecond, measurement.serverCpuMicrosPerDelivery)})`);
    await run.closeAll();
    return { name: SERVER_NAMES[leveldb ? 'reference-leveldb' : 'reference'], measurement, checks: [], notes: [] };
  } finally {
    await server.stop();
    if (leveldbDir) fs.rmSync(leveldbDir, { recursive: true, force: true });
  }
}

function summaryLine(perSecond: number, cpuPerDelivery: number): string {
  return `${Math.round(perSecond)} deliveries/s, ${cpuPerDelivery.toFixed(2)} µs server CPU per delivery`;
}

function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `Machine: ${os.availableParallelism()} cores (${cpu}), ${memory} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
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
