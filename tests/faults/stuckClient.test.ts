/**
 * FT4 — a stuck client, against the server process (R16 covers the same in-process). A raw
 * WebSocket joins a document and stops reading (its TCP socket paused) while a writer floods the
 * room with large changes (64 KiB inserted and deleted again, so the document itself stays small
 * and only traffic grows). The server's resident memory (VmRSS from /proc every 25 ms) stays
 * bounded, the stuck client is closed with 4504 once its send buffer passes MAX_BUFFERED_BYTES
 * (1 MiB here), and a reading client in the room and two clients in another room keep syncing.
 *
 * Short (npm test): a 200 MiB flood. Long (npm run test:faults): 300 MiB, and the same flood once more
 * with the cap lifted (MAX_BUFFERED_BYTES=1gb): the RSS then grows with the flood, which shows the
 * bound is the cap's doing.
 */
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { connectClient, openRawSocket } from '@worktable/server/testing';
import { freePort } from '../support/serverProcess.js';
import {
  LONG,
  health,
  metricSample,
  onCleanup,
  report,
  rssMiB,
  sampleRss,
  scale,
  sleep,
  startServer,
  tempDir,
  useCleanup,
  waitUntil,
} from './faultSupport.js';
import { createRooms, ledgerClient, ledgerProblem, roomLedger, startTyping } from './ledger.js';

useCleanup();

const CHUNK = 64 * 1024;
/** 200 MiB (short) or 300 MiB (long): enough that a server buffering the flood ends far above the bound. */
const CHUNKS = scale(3200, 4800);
/**
 * Bound on the server's RSS growth during the flood (MiB), chosen from measurement: with the cap
 * the RSS climbs 100–170 MiB above the baseline (V8's heap settling under the churn of 64 KiB
 * messages, and the SQLite and merge worker threads; it varies with the machine) and stays there
 * however long the flood lasts; without it, it grows with the flood (+324 MiB for 200 MiB, +422
 * for 300 MiB on the AMD machine of 2026-12-06).
 */
const RSS_GROWTH_BOUND_MIB = 200;

interface FloodResult {
  baselineMiB: number;
  peakMiB: number;
  growthMiB: number;
  /** Highest RSS in the second half of the flood minus the highest in the first half. */
  secondHalfGrowthMiB: number;
  stuckClosed: boolean;
  closes4504: number;
  stuckSawCode: number | null;
  floodMs: number;
  floodMiB: number;
  bystanderEntries: number;
}

async function flood(maxBufferedBytes: string, expectClose: boolean): Promise<FloodResult> {
  const env = { DATA_DIR: tempDir(), PORT: String(await freePort()), MAX_BUFFERED_BYTES: maxBufferedBytes, COMPACT_AFTER_UPDATES: '50' };
  const server = await startServer(env);
  const [room, other] = await createRooms(server.url, 2, 3);
  const writer = connectClient(server.wsUrl, room!.sessionId, room!.docName, room!.tokens[0]!);
  const reader = connectClient(server.wsUrl, room!.sessionId, room!.docName, room!.tokens[1]!);
  onCleanup(() => {
    writer.destroy();
    reader.destroy();
  });
  const bystanders = [0, 1].map((i) => ledgerClient(server.wsUrl, other!, other!.tokens[i]!, `b${i}`));
  await Promise.all([writer.synced, reader.synced, ...bystanders.map((b) => b.synced)]);
  const stuck: WebSocket = await openRawSocket(server.wsUrl, room!.sessionId, room!.docName, room!.tokens[2]!);
  onCleanup(() => stuck.terminate());
  let stuckSawCode: number | null = null;
  stuck.on('close', (code) => (stuckSawCode = code));
  await waitUntil(async () => (await health(server.url)).body.connections === 5, 5000, 'five connections');
  (stuck as unknown as { _socket: { pause(): void } })._socket.pause();

  await sleep(300);
  const baselineMiB = rssMiB(server.child.pid!);
  const rss = sampleRss(server.child.pid!);
  const typing = startTyping(bystanders, 100);
  const started = Date.now();
  const series: number[] = [];
  const seriesTimer = setInterval(() => series.push(rssMiB(server.child.pid!)), 100);
  const text = writer.doc.getText('t');
  for (let i = 0; i < CHUNKS; i++) {
    text.insert(0, String.fromCharCode(97 + (i % 26)).repeat(CHUNK));
    text.delete(0, CHUNK);
    if (i % 8 === 7) await sleep(5); // a pace a reading client keeps up with
  }
  text.insert(0, 'done;');
  await waitUntil(() => reader.doc.getText('t').toString() === 'done;', 60_000, 'the reading client to get the whole flood');
  const floodMs = Date.now() - started;
  clearInterval(seriesTimer);
  const half = Math.floor(series.length / 2);
  const secondHalfGrowthMiB = Math.round(Math.max(...series.slice(half)) - Math.max(...series.slice(0, half)));
  typing.stop();
  await waitUntil(
    () => bystanders[0]!.doc.getText('t').toString() === bystanders[1]!.doc.getText('t').toString(),
    5000,
    'the other room to agree',
  );
  expect(ledgerProblem(bystanders[0]!.doc.getText('t').toString(), roomLedger(other!))).toBeNull();
  let stuckClosed = false;
  if (expectClose) {
    await waitUntil(async () => (await health(server.url)).body.connections === 4, 10_000, 'the stuck connection to be dropped');
    stuckClosed = true;
  }
  await sleep(300);
  const memory = rss.stop();
  const closes4504 = await metricSample(server.url, 'worktable_errors_total{kind="close_4504"}');
  (stuck as unknown as { _socket: { resume(): void } })._socket.resume();
  if (expectClose) await waitUntil(() => stuckSawCode !== null, 10_000, 'the stuck client to see its connection close');
  if (expectClose) expect(server.output()).toMatch(/"code":4504/);
  return {
    baselineMiB: Math.round(baselineMiB),
    peakMiB: memory.peakMiB,
    growthMiB: Math.round(memory.peakMiB - baselineMiB),
    secondHalfGrowthMiB,
    stuckClosed,
    closes4504,
    stuckSawCode,
    floodMs,
    floodMiB: Math.round((CHUNKS * CHUNK) / 2 ** 20),
    bystanderEntries: roomLedger(other!).length,
  };
}

describe('faults: a client that stops reading', () => {
  it(
    `FT4 a stuck client during a ${Math.round((CHUNKS * CHUNK) / 2 ** 20)} MiB flood is closed with 4504; the server's memory stays bounded; others keep syncing`,
    async () => {
      const capped = await flood('1mb', true);
      expect(capped.closes4504).toBe(1);
      const uncapped = LONG ? await flood('1gb', false) : null;
      report('FT4', { capped, uncapped, bounds: { rssGrowthMiB: RSS_GROWTH_BOUND_MIB } });
      expect(capped.growthMiB, JSON.stringify(capped)).toBeLessThanOrEqual(RSS_GROWTH_BOUND_MIB);
      if (uncapped) {
        expect(uncapped.closes4504).toBe(0);
        // Without the cap the same flood piles up in the server: the bound above is the cap's doing.
        expect(uncapped.growthMiB, JSON.stringify(uncapped)).toBeGreaterThan(capped.growthMiB + capped.floodMiB / 2);
      }
    },
    scale(30_000, 120_000),
  );
});
