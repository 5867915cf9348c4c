/**
 * Join storm: rooms that already hold work (one person in each has written a page of notes and
 * stays connected), then 1,000 clients connect at once — 20 per room, every socket opened in the
 * same instant. Measured: each client's time from opening its socket to a synced document that
 * holds the whole page, the time until the last one is in, and the server's CPU and memory for
 * the storm. Worktable's participant tokens are made beforehand through the REST API; the storm
 * is the WebSocket part of joining.
 */
import { summarize } from './stats.js';
import type { LoadClient } from './stampedDocument.js';
import { CORE_SERVER_NAMES, fixed, mib, ratio, scenarioTable, startScenarioServer, type ScenarioRunner } from './scenarioKit.js';
import { sleep, withTimeout } from './time.js';

const NOTES = 'notes';

interface StormFigures {
  name: string;
  clients: number;
  p50: number;
  p99: number;
  max: number;
  allInSeconds: number;
  serverCpuMs: number;
  rssBefore: number;
  rssAfter: number;
  failures: string[];
}

/** Writes `changes` lines into the room's notes, one change each, as a person typing a page would. */
function writePage(keeper: LoadClient, changes: number): void {
  const text = keeper.doc.getText(NOTES);
  for (let i = 0; i < changes; i++) text.insert(text.length, `Line ${i}: what we noticed about the artifact at this point.\n`);
}

/** The join storm on each server. */
export const runJoinStorm: ScenarioRunner = async (servers, context) => {
  const rooms = context.smoke ? 4 : 50;
  const perRoom = context.smoke ? 5 : 20;
  const pageChanges = context.smoke ? 10 : 100;
  context.log(
    `Scenario join-storm: ${rooms} rooms holding ${pageChanges} changes each; ${rooms * perRoom} clients connect at once (${perRoom} per room)`,
  );
  const figures: StormFigures[] = [];
  for (const choice of servers) {
    context.log(`\n== ${choice} ==`);
    const server = await startScenarioServer(choice);
    const keepers: LoadClient[] = [];
    const stormers: LoadClient[] = [];
    try {
      const paths = await server.rooms(rooms, perRoom + 1);
      for (const room of paths) {
        const keeper = server.clients(server.process.wsUrl, room.paths[0] ?? '', () => undefined, true);
        keepers.push(keeper);
        await withTimeout(keeper.synced, 30_000, 'keeper did not sync');
        writePage(keeper, pageChanges);
      }
      const expectedLength = keepers[0]?.doc.getText(NOTES).length ?? 0;
      await sleep(context.smoke ? 500 : 2000);
      const cpuBefore = server.process.cpuMicros();
      const rssBefore = server.process.memory().rssBytes;
      const times: number[] = [];
      const started = performance.now();
      for (const room of paths) {
        for (const roomPath of room.paths.slice(1)) {
          const client = server.clients(server.process.wsUrl, roomPath, () => undefined, false);
          stormers.push(client);
          void client.synced.then(() => times.push(performance.now() - started));
        }
      }
      const failures: string[] = [];
      try {
        await withTimeout(Promise.all(stormers.map((c) => c.synced)), 120_000, 'storm did not finish in 120 s');
      } catch (error) {
        failures.push((error as Error).message);
      }
      const allInSeconds = (performance.now() - started) / 1000;
      const serverCpuMs = (server.process.cpuMicros() - cpuBefore) / 1000;
      const rssAfter = server.process.memory().rssBytes;
      const incomplete = stormers.filter((c) => c.doc.getText(NOTES).length !== expectedLength).length;
      if (incomplete > 0) failures.push(`${incomplete} clients synced without the whole page`);
      for (const client of stormers) if (client.failure && failures.length < 5) failures.push(client.failure);
      const latency = summarize(times);
      figures.push({
        name: server.name,
        clients: stormers.length,
        p50: latency.p50,
        p99: latency.p99,
        max: latency.max,
        allInSeconds,
        serverCpuMs,
        rssBefore,
        rssAfter,
        failures,
      });
      context.log(`all ${times.length} in after ${allInSeconds.toFixed(2)} s; p99 ${latency.p99.toFixed(0)} ms`);
    } finally {
      await Promise.all([...stormers, ...keepers].map((c) => c.close()));
      await server.stop();
    }
  }
  context.log(
    '\n' +
      scenarioTable(
        figures.map((f) => f.name),
        [
          ['clients joining at once', ...figures.map((f) => String(f.clients))],
          ['socket open → synced p50 (ms)', ...figures.map((f) => fixed(f.p50, 0))],
          ['socket open → synced p99 (ms)', ...figures.map((f) => fixed(f.p99, 0))],
          ['socket open → synced max (ms)', ...figures.map((f) => fixed(f.max, 0))],
          ['all synced after (s)', ...figures.map((f) => fixed(f.allInSeconds, 2))],
          ['server CPU for the storm (ms)', ...figures.map((f) => fixed(f.serverCpuMs, 0))],
          ['server RSS before / after (MiB)', ...figures.map((f) => `${mib(f.rssBefore)} / ${mib(f.rssAfter)}`)],
          ['failures', ...figures.map((f) => (f.failures.length === 0 ? 'none' : f.failures.join('; ')))],
        ],
      ),
  );
  const ours = figures.find((f) => f.name === CORE_SERVER_NAMES.worktable);
  const summary = figures
    .filter((f) => ours && f !== ours)
    .map(
      (f) =>
        `join-storm: Worktable / ${f.name}: p99 join ${ratio(ours?.p99 ?? NaN, f.p99)} (${fixed(ours?.p99 ?? NaN, 0)} vs ${fixed(f.p99, 0)} ms), ` +
        `server CPU ${ratio(ours?.serverCpuMs ?? NaN, f.serverCpuMs)} (${fixed(ours?.serverCpuMs ?? NaN, 0)} vs ${fixed(f.serverCpuMs, 0)} ms)`,
    );
  return { ok: figures.every((f) => f.failures.length === 0), summary };
};
