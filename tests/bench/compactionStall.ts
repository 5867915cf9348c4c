/**
 * `npm run bench:compaction`: what compacting a large, fragmented document does to everyone else's
 * latency. One writer types 50,000 characters, each at a random place of one text (the worst case
 * for Yjs: nothing merges, so the document holds 50,000 items), into Worktable as `npm start` runs
 * it (default compaction: every 1,000 updates). Meanwhile a second document on the same server
 * carries a ping every 5 ms from one client to another; the ping's latency is what every other
 * room of the node feels while compactions run.
 *
 *   npm run bench:compaction [-- --updates 50000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '@worktable/shared';
import { fetchMetric } from '../support/prometheus.js';
import { BenchClient } from './benchClient.js';
import { freePort, startServer, worktableSpec } from './serverProcess.js';
import { worktableRooms } from './targets.js';
import { sleep } from './time.js';

const PING_MS = 5;
/** Typed in bursts of this many characters every 20 ms: 5,000 a second. */
const BURST = 100;

function updatesOption(argv: readonly string[]): number {
  const index = argv.indexOf('--updates');
  const value = index >= 0 ? Number(argv[index + 1]) : 50_000;
  if (!Number.isInteger(value) || value < 1000) throw new Error('--updates must be a whole number ≥ 1000');
  return value;
}

async function main(): Promise<void> {
  const updates = updatesOption(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-compaction-'));
  const server = await startServer(worktableSpec(await freePort(), dataDir));
  try {
    const [large, other] = await worktableRooms(server.httpUrl, 2, 2);
    if (!large || !other) throw new Error('rooms were not created');
    const writer = new BenchClient(server.wsUrl + large.paths[0], () => undefined, true);
    const pinger = new BenchClient(server.wsUrl + other.paths[0], () => undefined, true);
    const ponger = new BenchClient(server.wsUrl + other.paths[1], () => undefined, false);
    await Promise.all([writer.synced, pinger.synced, ponger.synced]);

    // Each ping is its own key holding its send time: when the server relays several at once
    // (merged, after a stall), each is still timed.
    const latencies: number[] = [];
    const received = ponger.doc.getMap<number>('ping');
    received.observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) latencies.push(now - (received.get(key) ?? now));
    });
    let sequence = 0;
    const ticker = setInterval(() => pinger.doc.getMap<number>('ping').set(`p${sequence++}`, performance.now()), PING_MS);

    const random = seededRandom(11);
    const text = writer.doc.getText('notes');
    const started = performance.now();
    for (let i = 0; i < updates; i++) {
      text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + Math.floor(random() * 26)));
      if (i % BURST === BURST - 1) await sleep(20);
    }
    const typingSeconds = (performance.now() - started) / 1000;
    await sleep(3000);
    clearInterval(ticker);
    const compacted = await fetchMetric(server.httpUrl, 'worktable_compacted_updates_total');
    for (const client of [writer, pinger, ponger]) await client.close();

    const sorted = latencies.slice().sort((a, b) => a - b);
    const at = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN).toFixed(1);
    process.stdout.write(
      `${[
        `Worktable, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.availableParallelism()}, Node ${process.version}`,
        `${updates} characters typed at random places in ${typingSeconds.toFixed(1)} s; ${compacted} log entries compacted`,
        `ping in another document, every ${PING_MS} ms (${sorted.length} pings): p50 ${at(0.5)} / p99 ${at(0.99)} / p99.9 ${at(0.999)} / max ${at(1)} ms; over 30 ms: ${sorted.filter((ms) => ms > 30).length}`,
      ].join('\n')}\n`,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
