/**
 * Awareness: 200 clients in one room, each moving its cursor 10 times a second (2,000 positions a
 * second into the server). Measured: server CPU and memory, the awareness messages and bytes the
 * clients receive, and — on five observers that decode everything — how long a position takes
 * to reach the others. Worktable's target: the cursors cost less than twice the server CPU of the
 * hot room's document edits (measured earlier in the same run).
 */
import { summarize } from './stats.js';
import { hocuspocusCursors, yWebsocketCursors, type CursorClient } from './cursorClients.js';
import { CORE_SERVER_NAMES, fixed, mib, ratio, scenarioTable, startScenarioServer, type ScenarioRunner } from './scenarioKit.js';
import { sleep, withTimeout } from './time.js';

const OBSERVERS = 5;
/** Target: awareness CPU below this multiple of the hot room's (issue #8). */
const HOT_ROOM_MULTIPLE = 2;

interface CursorFigures {
  name: string;
  clients: number;
  movesPerSecond: number;
  cpuPercent: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  p50: number;
  p99: number;
  positionsPerObserverPerSecond: number;
  rssEnd: number;
  failures: string[];
}

/** The awareness scenario on each server. */
export const runAwareness: ScenarioRunner = async (servers, context) => {
  const clients = context.smoke ? 20 : 200;
  const hz = 10;
  const warmupSeconds = context.smoke ? 1 : 3;
  const seconds = context.smoke ? 2 : 15;
  context.log(
    `Scenario awareness: 1 room × ${clients} clients moving cursors at ${hz} Hz, warm-up ${warmupSeconds} s, window ${seconds} s`,
  );
  const figures: CursorFigures[] = [];
  for (const choice of servers) {
    context.log(`\n== ${choice} ==`);
    const server = await startScenarioServer(choice);
    const connected: CursorClient[] = [];
    const timers: NodeJS.Timeout[] = [];
    const failures: string[] = [];
    try {
      const [room] = await server.rooms(1, clients);
      const factory = choice === 'hocuspocus' ? hocuspocusCursors : yWebsocketCursors;
      for (const [index, roomPath] of (room?.paths ?? []).entries()) {
        const client = factory(server.process, roomPath, index < OBSERVERS);
        connected.push(client);
        await withTimeout(client.synced, 30_000, `client ${index} did not sync`);
      }
      let moves = 0;
      const period = 1000 / hz;
      for (const [index, client] of connected.entries()) {
        const start = () => {
          let step = 0;
          timers.push(
            setInterval(() => {
              step++;
              client.move(Math.round(500 + 400 * Math.cos(step / 10 + index)), Math.round(400 + 300 * Math.sin(step / 10 + index)));
              moves++;
            }, period),
          );
        };
        timers.push(setTimeout(start, Math.random() * period));
      }
      await sleep(warmupSeconds * 1000);
      const before = snapshot(connected);
      const cpu0 = server.process.cpuMicros();
      const movesBefore = moves;
      const started = performance.now();
      await sleep(seconds * 1000);
      const windowSeconds = (performance.now() - started) / 1000;
      const cpu = server.process.cpuMicros() - cpu0;
      const after = snapshot(connected);
      const movesInWindow = moves - movesBefore;
      for (const timer of timers) clearInterval(timer);
      const latencies = connected
        .slice(0, OBSERVERS)
        .flatMap((c) => c.cursors.latencies.slice(before.latencyCounts[connected.indexOf(c)] ?? 0));
      const latency = summarize(latencies);
      for (const client of connected) if (client.failure && failures.length < 5) failures.push(client.failure);
      if (latency.count === 0) failures.push('no observer received a cursor position');
      figures.push({
        name: server.name,
        clients,
        movesPerSecond: movesInWindow / windowSeconds,
        cpuPercent: (cpu / (windowSeconds * 1e6)) * 100,
        messagesPerSecond: (after.messages - before.messages) / windowSeconds,
        bytesPerSecond: (after.bytes - before.bytes) / windowSeconds,
        p50: latency.p50,
        p99: latency.p99,
        positionsPerObserverPerSecond: latency.count / OBSERVERS / windowSeconds,
        rssEnd: server.process.memory().rssBytes,
        failures,
      });
      context.log(`server CPU ${figures.at(-1)?.cpuPercent.toFixed(1)} % of one core; cursor p99 ${latency.p99.toFixed(1)} ms`);
    } finally {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(connected.map((c) => c.close()));
      await server.stop();
    }
  }
  const whole = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
  context.log(
    '\n' +
      scenarioTable(
        figures.map((f) => f.name),
        [
          ['clients moving cursors', ...figures.map((f) => String(f.clients))],
          ['cursor moves sent / s', ...figures.map((f) => whole(f.movesPerSecond))],
          ['server CPU (% of one core)', ...figures.map((f) => fixed(f.cpuPercent))],
          ['awareness messages received by all clients / s', ...figures.map((f) => whole(f.messagesPerSecond))],
          ['awareness bytes received by all clients / s', ...figures.map((f) => whole(f.bytesPerSecond))],
          ['positions of others seen per observer / s', ...figures.map((f) => whole(f.positionsPerObserverPerSecond))],
          ['move → seen by an observer p50 / p99 (ms)', ...figures.map((f) => `${fixed(f.p50)} / ${fixed(f.p99)}`)],
          ['server RSS at the end (MiB)', ...figures.map((f) => mib(f.rssEnd))],
          ['failures', ...figures.map((f) => (f.failures.length === 0 ? 'none' : f.failures.join('; ')))],
        ],
      ),
  );
  const ours = figures.find((f) => f.name === CORE_SERVER_NAMES.worktable);
  const summary: string[] = [];
  if (ours) {
    const hot = context.hotRoomCpuPercent;
    summary.push(
      hot === null
        ? `awareness: Worktable ${fixed(ours.cpuPercent)} % of a core (run the hot-room scenario in the same run for the target)`
        : `awareness: Worktable ${fixed(ours.cpuPercent)} % of a core = ${ratio(ours.cpuPercent, hot)} the hot room's document edits (${fixed(hot)} %; target < ${HOT_ROOM_MULTIPLE}×)`,
    );
    for (const other of figures.filter((f) => f !== ours)) {
      summary.push(
        `awareness: Worktable / ${other.name}: server CPU ${ratio(ours.cpuPercent, other.cpuPercent)} (${fixed(ours.cpuPercent)} vs ${fixed(other.cpuPercent)} %), ` +
          `cursor p99 ${fixed(ours.p99)} vs ${fixed(other.p99)} ms`,
      );
    }
  }
  return { ok: figures.every((f) => f.failures.length === 0), summary };
};

/** Totals of the clients' tallies, and each client's count of latencies so far. */
function snapshot(clients: readonly CursorClient[]): { messages: number; bytes: number; latencyCounts: number[] } {
  let messages = 0;
  let bytes = 0;
  for (const client of clients) {
    messages += client.cursors.messages;
    bytes += client.cursors.bytes;
  }
  return { messages, bytes, latencyCounts: clients.map((c) => c.cursors.latencies.length) };
}
