/**
 * `npm run bench:event` (issue #20): a World Café of 1,000 participants at 200 tables of 5, three
 * rounds with reseating (travelers move, table hosts stay), on one server process with persistence
 * (SQLite), or on two nodes (PostgreSQL + Redis) with `--nodes 2`. Every participant is a real
 * client: a socket.io control connection and a y-websocket connection with presence to its table's
 * document. At each table one member types (5 inserts a second into a sticky's Y.Text) and one
 * moves a cursor (10 awareness updates a second) while the round runs; the host's dashboard is
 * open. The participants live in 2–3 processes of their own (`eventWorker.ts`); this process is
 * the host and the coordinator.
 *
 * Measured: edit fan-out at the table, round start → every traveler synced at its new table,
 * phase change lateness after the deadline, connect → first state for all N at once, the server's
 * CPU and memory, and nothing lost: every insert is read back after a restart.
 *
 *   npm run bench:event                        # 1,000 people, 200 tables, 3 rounds of 3 × 15 s phases
 *   npm run bench:event -- --nodes 2           # two server processes sharing PostgreSQL + Redis
 *   npm run bench:event -- --record            # append the table to docs/BENCHMARKS.md
 *   node --import tsx tests/bench/eventBench.ts --smoke   # 40 people, 8 tables, 2 rounds of one phase
 *
 * BENCH_EVENT_PEOPLE, _TABLES, _ROUNDS, _PHASES (per round), _PHASE_MS (≥ 15,000: the shortest a
 * protocol allows) and _WORKERS change the shape. `--smoke` asserts only delivery and storage;
 * a full run prints PASS/MISS per target and fails only when an edit went missing.
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (see
 * profileSummary.ts).
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Socket } from 'socket.io-client';
import type { CreateSessionResponse } from '@worktable/shared';
import { machineDescription, recordInBenchmarks } from './benchmarksDoc.js';
import { connectControl, followDashboards, followControl, sendControl, type ControlView, type ViewTable } from './eventControl.js';
import type { ActivitySettings, EventRequests, WorkerResults } from './eventProtocol.js';
import { checkDelivery, eventTable, shapeLine, storedTables, targetLines, type EventResult, type EventShape } from './eventReport.js';
import { cafeProtocol, cpuShares, deploy, joinPeople, readCpu } from './eventSetup.js';
import { backendLoad, sampleBackends } from './backendLoad.js';
import { checkRestoredDocuments } from './persistenceCheck.js';
import { worktableSpec, type ServerProcess } from './serverProcess.js';
import { summarize, type LatencySummary } from './stats.js';
import { postJson } from './targets.js';
import { sleep } from './time.js';
import { WorkerProcess } from './workerChannel.js';

const ACTIVITY: ActivitySettings = { typingHz: 5, cursorHz: 10, quietMs: 1_000 };
/** How long the control connections may take to get their first state before the run gives up (the target is 10 s). */
const CONNECT_TIMEOUT_MS = 180_000;
const WORKER_PATH = new URL('./eventWorker.ts', import.meta.url);
const SECTION_HEADING = '## Event: a World Café at 1,000 participants';

/** Options from the command line and BENCH_EVENT_* (the smoke's defaults are small and short). */
export function eventOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): EventShape & { smoke: boolean; record: boolean } {
  const smoke = argv.includes('--smoke');
  const nodesAt = argv.indexOf('--nodes');
  const number = (name: string, full: number, small: number): number => Number(env[`BENCH_EVENT_${name}`] ?? (smoke ? small : full));
  return {
    smoke,
    record: argv.includes('--record'),
    people: number('PEOPLE', 1_000, 40),
    tables: number('TABLES', 200, 8),
    rounds: number('ROUNDS', 3, 2),
    phasesPerRound: number('PHASES', 3, 1),
    phaseMs: number('PHASE_MS', 15_000, 15_000),
    workers: number('WORKERS', 3, 2),
    nodes: nodesAt === -1 ? 1 : Number(argv[nodesAt + 1]),
  };
}

/** Phase lateness for each boundary (deadline) in order. */
function latenessByDeadline(results: readonly WorkerResults[]): LatencySummary[] {
  const byDeadline = new Map<number, number[]>();
  for (const r of results) {
    r.phaseDeadlines.forEach((deadline, i) => {
      const list = byDeadline.get(deadline) ?? [];
      list.push(r.phaseLateness[i] as number);
      byDeadline.set(deadline, list);
    });
  }
  return [...byDeadline.entries()].sort(([a], [b]) => a - b).map(([, lateness]) => summarize(lateness));
}

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(50);
  }
}

/** Runs the café once and returns what it measured (the servers are stopped and their data removed). */
export async function runEventBench(o: EventShape, log: (line: string) => void = () => undefined): Promise<EventResult> {
  const deployment = await deploy(o, log);
  const { nodes } = deployment;
  const workers = Array.from(
    { length: o.workers },
    (_, i) => new WorkerProcess<EventRequests>(WORKER_PATH, `participant process ${i + 1}`),
  );
  const every = <T extends keyof EventRequests>(type: T, payload: EventRequests[T]['request']) =>
    Promise.all(workers.map((w) => w.request(type, payload)));
  const first = nodes[0] as ServerProcess;
  let host: Socket | null = null;
  try {
    const session = await postJson<CreateSessionResponse>(`${first.httpUrl}/api/sessions`, {
      title: 'World Café',
      customProtocol: cafeProtocol(o),
    });
    const people = await joinPeople(session, nodes, o.people);
    // The host connects after everyone joined: a node learns of a participant when its session
    // loads or when they connect to it, so a seating on the host's node would leave out people
    // who joined after it loaded and connect to the other node.
    host = connectControl(first.httpUrl, session.hostToken);
    let hostView: ControlView | null = null;
    const tablesByRound = new Map<number, readonly ViewTable[]>();
    followControl(host, (view) => {
      hostView = view;
    });
    const dashboards = followDashboards(host, (round, tables) => {
      if (round > 0 && tables.length > 0) tablesByRound.set(round, tables);
    });
    log(`${o.people} joined on ${nodes.map((n) => `pid ${n.pid}`).join(' + ')}; opening every control connection at once`);

    const cpu = () =>
      readCpu(
        nodes,
        workers.map((w) => w.pid),
      );
    const cpuAtStart = cpu();
    const connectStart = cpuAtStart.at;
    const share = (w: number) => people.filter((_, i) => i % o.workers === w);
    const firstStates = await Promise.all(
      workers.map((w, i) => w.request('connect', { people: share(i), activity: ACTIVITY, timeoutMs: CONNECT_TIMEOUT_MS })),
    );
    const connectCpu = cpuShares(cpuAtStart, cpu());
    const allFirstStatesMs = Math.max(...firstStates.flatMap((f) => Array.from(f.at))) - connectStart;
    log(`every first state after ${(allFirstStatesMs / 1000).toFixed(2)} s; seating ${o.tables} tables`);

    await until(() => hostView !== null, 10_000, "the host's first state");
    await sendControl(host, { action: 'seat', tableCount: o.tables });
    const seatedCount = () => hostView?.seatedCount ?? 0;
    await until(
      () => seatedCount() === o.people,
      10_000,
      () => `the seating to place everyone (${seatedCount()} of ${o.people} placed)`,
    );
    let seated = 0;
    const everyoneSeated = async () => {
      seated = (await every('progress', {})).reduce((sum, p) => sum + p.seated, 0);
      return seated === o.people;
    };
    await until(everyoneSeated, 60_000, () => `everyone synced at their table (${seated} of ${o.people} are)`);
    log('everyone synced at their table; starting round 1');
    const cpuRoundsStart = cpu();
    const database = deployment.database;
    const backendBefore = database ? await sampleBackends(database.url) : null;
    await sendControl(host, { action: 'startRound' });
    const roundsMs = o.rounds * o.phasesPerRound * o.phaseMs;
    const where = (v: ControlView | null) =>
      v
        ? `round ${v.round}, phase ${v.phaseIndex + 1} of ${v.phaseCount}, ends ${v.phaseEndsAt === null ? 'never' : `in ${v.phaseEndsAt - Date.now()} ms`}`
        : 'no state';
    await until(
      () => hostView?.agendaOver === true,
      roundsMs + 60_000,
      () => `the last round to end (the host sees ${where(hostView)})`,
    );
    const cpuRoundsEnd = cpu();
    const backendAfter = database ? await sampleBackends(database.url) : null;
    const roundsCpu = cpuShares(cpuRoundsStart, cpuRoundsEnd);
    const roundsSeconds = (cpuRoundsEnd.at - cpuRoundsStart.at) / 1000;
    await sleep(1_000);
    const results: WorkerResults[] = await every('finish', {});
    const memory = nodes.map((n) => n.memory());
    log(`rounds over after ${roundsSeconds.toFixed(1)} s; closing every connection and restarting the server`);

    await every('close', {});
    for (const node of nodes.splice(0)) await node.stop();
    const writes = results.flatMap((r) => r.writes);
    const restarted = (port: number) => worktableSpec(port, deployment.dataDir, { ...deployment.setup, redisUrl: undefined });
    const storage = await checkRestoredDocuments(restarted, storedTables(session.sessionId, session.hostToken, writes), 'table documents');
    const failures = results.flatMap((r) => r.failures);
    return {
      ...o,
      firstState: summarize(firstStates.flatMap((f) => Array.from(f.ms))),
      allFirstStatesMs,
      controlRetries: results.reduce((sum, r) => sum + r.controlRetries, 0),
      edits: summarize(results.flatMap((r) => Array.from(r.editLatencies))),
      editsSent: writes.reduce((sum, w) => sum + w.sent, 0),
      backend:
        backendBefore && backendAfter
          ? backendLoad(
              backendBefore,
              backendAfter,
              writes.reduce((sum, w) => sum + w.sent, 0),
            )
          : null,
      reseat: summarize(results.flatMap((r) => Array.from(r.reseatLatencies))),
      phaseLateness: summarize(results.flatMap((r) => Array.from(r.phaseLateness))),
      phaseLatenessByDeadline: latenessByDeadline(results),
      connectCpuPercent: connectCpu.nodes,
      roundsCpuPercent: roundsCpu.nodes,
      clientCpuPercent: roundsCpu.clients,
      backgroundCpuPercent: roundsCpu.background,
      clientLoopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
      peakRssBytes: memory.map((m) => m.peakRssBytes),
      endRssBytes: memory.map((m) => m.rssBytes),
      dashboards,
      awareness: {
        moves: results.reduce((sum, r) => sum + r.cursorMoves, 0),
        messages: results.reduce((sum, r) => sum + r.awarenessMessages, 0),
        bytes: results.reduce((sum, r) => sum + r.awarenessBytes, 0),
      },
      delivery: checkDelivery(
        writes,
        results.flatMap((r) => r.tallies),
        tablesByRound,
      ),
      storage,
      failures: failures.slice(0, 5),
      failureCount: results.reduce((sum, r) => sum + r.failureCount, 0),
      roundsSeconds,
    };
  } finally {
    host?.disconnect();
    for (const worker of workers) worker.stop();
    for (const node of nodes) await node.stop();
    await deployment.database?.drop();
    fs.rmSync(deployment.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const options = eventOptions(process.argv.slice(2));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  log(`Event benchmark${options.smoke ? ' (smoke)' : ''}: ${shapeLine(options)}`);
  const result = await runEventBench(options, log);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const markdown = [
    `### Run of ${when} UTC`,
    '',
    `Machine: ${machineDescription()}.`,
    '',
    `${shapeLine(result)}.`,
    '',
    eventTable(result),
    '',
  ].join('\n');
  log(`\n${markdown}`);
  const correct = result.delivery.ok && result.storage.ok;
  if (options.smoke) return correct ? 0 : 1;
  for (const target of targetLines(result)) log(`${target.verdict} ${target.name}: ${target.value}`);
  if (options.record) {
    recordInBenchmarks(SECTION_HEADING, sectionIntro, markdown);
    log('Recorded in docs/BENCHMARKS.md.');
  }
  return correct ? 0 : 1;
}

/** The section's opening, written once when the section is created. */
function sectionIntro(): string {
  return [
    SECTION_HEADING,
    '',
    '`npm run bench:event` (issue #20). A World Café on one server process with persistence (SQLite), or',
    'two nodes on PostgreSQL + Redis (`--nodes 2`): every participant has a socket.io control connection',
    "and a y-websocket connection with presence to its table's document; at each table one member types",
    '(5 inserts/s into a sticky) and one moves a cursor (10 awareness updates/s); the host dashboard is',
    'open; later rounds reseat the travelers, who close their old table and open the new one. The',
    'participants run in processes of their own. Targets: edit p99 < 100 ms, reseat p99 < 2 s, phase',
    'lateness p99 < 100 ms, RSS < 1 GiB, all first states within 10 s.',
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`event benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
