/**
 * `npm run bench:calls` (issue #17): the calls at the tables when a round reseats everyone at once.
 * 200 participants (real socket.io clients in this process) and a host; the host seats 40 tables
 * and starts a two-round café agenda; everyone joins their table's call and runs a simulated
 * browser negotiation over the server's signaling (fake SDP of a realistic size, 4 ICE candidates
 * per side, no media). The host then ends round 1 and starts round 2, which reseats: travelers move,
 * table hosts stay, every table's call changes. Measured per participant: the time from the host's
 * `startRound` send until their call is whole again at their new table, the signaling it took,
 * and the server's CPU and memory over that window (from /proc; the server is its own process).
 *
 * The simulated browser follows `client/src/call/meshCall.ts`: a `call:peers` naming another table
 * closes every link; links to peers no longer listed are dropped; a link opens for each new peer,
 * and signals from a peer not linked yet wait until it is. Unlike the real client, only the side
 * with the larger peer id offers (no glare to resolve). A link is connected when both of its sides
 * have sent and received a description and all their candidates.
 *
 * The pieces: fake payloads (`callBenchPayloads.ts`), the simulated browser (`callBenchBrowser.ts`),
 * the scenario (`callBenchScenario.ts`), measurement windows (`callBenchMeasure.ts`) and the report
 * (`callBenchReport.ts`); this file reads the options and runs them.
 *
 * `--smoke` (with small BENCH_CALL_PEOPLE / BENCH_CALL_TABLES): prints the results, asserts no
 * timing, leaves docs/BENCHMARKS.md alone, and still fails when a call never reconnects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { seatingOf } from '@worktable/server/testing/controlClient';
import { freePort, startServerProcess } from '../support/serverProcess.js';
import type { SimulatedCall } from './callBenchBrowser.js';
import { distribution, resultsMarkdown, SECTION_HEADING, sectionIntro, TARGET_P95_MS } from './callBenchReport.js';
import { control, convene, joinAll, reachedEveryone, RECONNECT_TIMEOUT_MS, reseat } from './callBenchScenario.js';
import { recordInBenchmarks } from './benchmarksDoc.js';

const PEOPLE = Number(process.env.BENCH_CALL_PEOPLE ?? 200);
const TABLES = Number(process.env.BENCH_CALL_TABLES ?? 40);
const SMOKE = process.argv.includes('--smoke');

/** Runs the scenario; 0 when every call reconnected (and, in a full run, the p95 target was met). */
async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-calls-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LOG_LEVEL: 'info',
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  const pid = server.child.pid as number;
  const sockets: Socket[] = [];
  try {
    const { host, people } = await convene(server.url, sockets, PEOPLE);
    const seated = await control(host, { action: 'seat', tableCount: TABLES });
    await reachedEveryone(people, seated.version);
    const round1 = await control(host, { action: 'startRound' });
    await reachedEveryone(people, round1.version);
    const calls = new Map<string, SimulatedCall>();
    const join = await joinAll(server.url, pid, people, seatingOf(people.map((p) => p.states.at(-1)?.state)), calls);
    const moved = await reseat(server.url, pid, host, people, calls);

    const markdown = resultsMarkdown(join, moved, { people: PEOPLE, tables: TABLES });
    process.stdout.write(`\n${markdown}\n`);
    const missing = [...join.whole, ...moved.whole].filter((t) => t === null).length;
    if (missing > 0) {
      process.stderr.write(
        `${missing} call(s) never became whole within ${RECONNECT_TIMEOUT_MS / 1000} s (initial join: ${join.whole.filter((t) => t === null).length}, reseat: ${moved.whole.filter((t) => t === null).length})\n`,
      );
      return 1;
    }
    if (SMOKE) return 0;
    recordInBenchmarks(SECTION_HEADING, sectionIntro, markdown);
    process.stdout.write('Recorded in docs/BENCHMARKS.md.\n');
    return distribution(moved.whole).p95 <= TARGET_P95_MS ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`call signaling benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
