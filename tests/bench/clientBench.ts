/**
 * `npm run bench:client`: the client's weight and speed in headless Chromium.
 * - JS a person downloads before the join page works (gzip), versus the lazily loaded editor;
 * - time from opening an invite link to an editable table that already holds 300 artifacts;
 * - frame times while panning across those 300 artifacts (only the visible ones are rendered);
 * - typing latency in a document while 5 remote editors type into it (see `typingLatency.ts`).
 * The server runs in this process on port 0; the client must be built (`npm run build:client`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, TableRoot, type CreateSessionResponse, type JoinSessionResponse } from '@worktable/shared';
import type { Browser } from 'playwright-core';
import { connectClient, postJson, startTestServer, waitFor, type TestServer } from '../../server/src/testing/testServer.js';
import { DESKTOP, launchBrowser, openPage } from '../support/browser.js';
import { measureTypingLatency, typingRows, type TypingBenchOptions, type TypingLatencyResult } from './typingLatency.js';

const ARTIFACTS = 300;
/** Typing in a document: 5 remote editors at 5–10 characters/s each; the local person at 10 keys/s. */
const TYPING: TypingBenchOptions = { remoteEditors: 5, keystrokes: 240, baselineKeystrokes: 120, keyIntervalMs: 100, screenshotPath: '/tmp/typing.png' };
const DIST = path.resolve(import.meta.dirname, '../../client/dist');

/** gzip size of the JS the entry page loads up front (entry script and its module preloads). */
function initialJsGzip(): { files: string[]; bytes: number; lazy: number } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file))).byteLength;
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !files.includes(f)).reduce((sum, f) => sum + gz(f), 0);
  return { files, bytes: files.reduce((sum, f) => sum + gz(f), 0), lazy };
}

/** Puts `count` sticky notes on the table through a real y-websocket client, in a grid. */
async function seedTable(wsUrl: string, sessionId: string, token: string, count: number): Promise<void> {
  const client = connectClient(wsUrl, sessionId, 'table-1', token);
  await client.synced;
  const artifacts = client.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts);
  client.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const artifact = new Y.Map<unknown>();
      const id = `seed-${i}`;
      artifact.set(ArtifactField.Id, id);
      artifact.set(ArtifactField.Kind, ArtifactKind.Sticky);
      artifact.set(ArtifactField.X, (i % 20) * 240);
      artifact.set(ArtifactField.Y, Math.floor(i / 20) * 240);
      artifact.set(ArtifactField.W, 200);
      artifact.set(ArtifactField.H, 200);
      artifact.set(ArtifactField.Z, i);
      artifact.set(ArtifactField.CreatedBy, 'seed');
      artifact.set(ArtifactField.CreatedByName, 'Seeder');
      artifact.set(ArtifactField.CreatedAt, Date.now());
      artifact.set(ArtifactField.Color, 'yellow');
      artifact.set(ArtifactField.Text, new Y.Text(`Idea number ${i}: what would change your mind?`));
      artifacts.set(id, artifact);
    }
  });
  await waitFor(() => client.provider.ws?.bufferedAmount === 0, 10_000, 'seed sent');
  await new Promise((resolve) => setTimeout(resolve, 300));
  client.destroy();
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const p95 = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
};

/** Opens the invite link three times (a new person each time) and times it until the table is editable (ms). */
async function measureJoin(browser: Browser, serverUrl: string, session: CreateSessionResponse): Promise<number[]> {
  const joinTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await openPage(browser, serverUrl, DESKTOP);
    const started = Date.now();
    await page.goto(session.inviteUrl);
    await page.getByLabel('Your name').fill(`Reader ${run}`);
    await page.getByRole('button', { name: 'Join the table' }).click();
    await page.getByRole('button', { name: 'Sticky note', exact: true }).waitFor();
    await page.locator('.artifact').first().waitFor();
    joinTimes.push(Date.now() - started);
    await page.context().close();
  }
  return joinTimes;
}

/** Pans across the table with the mouse wheel; returns the artifacts rendered before and after, and the frame times. */
async function measurePan(browser: Browser, serverUrl: string, session: CreateSessionResponse): Promise<{ rendered: number; renderedWhilePanning: number; frames: number[] }> {
  const page = await openPage(browser, serverUrl, DESKTOP);
  const joined = await postJson<JoinSessionResponse>(`${serverUrl}/api/sessions/${session.sessionId}/join`, { inviteCode: session.inviteCode, name: 'Panner' });
  await page.goto('/');
  await page.evaluate(
    ([sessionId, identity]) => localStorage.setItem(`worktable:identity:${sessionId}`, identity),
    [session.sessionId, JSON.stringify({ participantId: joined.body.participantId, token: joined.body.token, name: 'Panner', role: 'participant' })] as const,
  );
  await page.goto(`/s/${session.sessionId}`);
  await page.locator('.artifact').first().waitFor();
  const rendered = await page.locator('.artifact').count();
  const canvas = await page.getByRole('region', { name: 'Table canvas' }).boundingBox();
  if (!canvas) throw new Error('no canvas');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  // A string, not a function: tsx would wrap a function's inner helpers in code the page lacks.
  await page.evaluate(`(() => {
    const frames = [];
    window.benchFrames = frames;
    let last = performance.now();
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (frames.length < 2000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(i < 60 ? 40 : -25, i % 2 === 0 ? 30 : -10);
    await page.waitForTimeout(8);
  }
  const frames = ((await page.evaluate('window.benchFrames')) as number[]).slice(5);
  const renderedWhilePanning = await page.locator('.artifact').count();
  await page.context().close();
  return { rendered, renderedWhilePanning, frames };
}

/**
 * Typing in a document while remote editors type too, in its own browser at the default frame
 * rate (60 Hz): what a person sees includes waiting for the next frame.
 */
async function measureTyping(server: TestServer): Promise<TypingLatencyResult> {
  const browser = await launchBrowser();
  try {
    return await measureTypingLatency(browser, server.url, server.wsUrl, TYPING);
  } finally {
    await browser.close();
  }
}

/** The 1-, 5- and 15-minute load averages, to read the timings against. */
function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(2)).join(' / ');
}

/** What the uncapped browser measured on the table with `ARTIFACTS` artifacts. */
interface TableFigures {
  joinTimes: number[];
  rendered: number;
  renderedWhilePanning: number;
  frames: number[];
}

/** Seeds a table and measures joining and panning it. */
async function measureTable(server: TestServer): Promise<TableFigures> {
  // No frame-rate cap: frames come as fast as the page can produce them, so their length is the
  // work a frame costs rather than the 16.7 ms vsync interval.
  const browser = await launchBrowser(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
  try {
    const { body: session } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, { title: 'Bench', protocol: 'tuning' });
    await seedTable(server.wsUrl, session.sessionId, session.hostToken, ARTIFACTS);
    const joinTimes = await measureJoin(browser, server.url, session);
    return { joinTimes, ...(await measurePan(browser, server.url, session)) };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const bundle = initialJsGzip();
  const server = await startTestServer();
  try {
    const loadBefore = loadAverage();
    const { joinTimes, rendered, renderedWhilePanning, frames } = await measureTable(server);
    const typing = await measureTyping(server);

    const out = (label: string, value: string) => process.stdout.write(`| ${label} | ${value} |\n`);
    process.stdout.write(`\nClient benchmark (${ARTIFACTS} artifacts on the table, headless Chromium ${DESKTOP.width}×${DESKTOP.height})\n\n| measure | value |\n|---|---|\n`);
    out('JS before the join page works (gzip)', `${(bundle.bytes / 1024).toFixed(1)} KB (${bundle.files.join(', ')})`);
    out('JS loaded later, on demand (gzip: document editor, PDF viewer; the PDF worker .mjs is extra)', `${(bundle.lazy / 1024).toFixed(1)} KB`);
    out('invite link → editable table, 3 runs (ms)', joinTimes.join(', '));
    out('artifacts rendered of 300 (culling)', `${rendered} at load, ${renderedWhilePanning} after panning`);
    out('frame time while panning, uncapped, median / p95 (ms)', `${median(frames).toFixed(1)} / ${p95(frames).toFixed(1)} over ${frames.length} frames`);
    for (const [label, value] of typingRows(typing)) out(label, value);
    out('load average 1 / 5 / 15 min, at start · at end', `${loadBefore} · ${loadAverage()} (${os.cpus().length} CPUs)`);
    const ok = bundle.bytes <= 250 * 1024 && median(joinTimes) <= 1000 && median(frames) <= 16;
    process.stdout.write(`\ntargets (≤ 250 KB gzip, invite → editable ≤ 1 s, median pan frame ≤ 16 ms): ${ok ? 'MET' : 'NOT MET'}\n`);
    process.stdout.write(`typing latency has no target yet (reported only; the run fails if the texts do not converge)${TYPING.screenshotPath ? `; screenshot: ${TYPING.screenshotPath}` : ''}\n`);
    return ok && typing.converged ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`client benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
