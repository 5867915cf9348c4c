/**
 * The join path for `npm run bench:client`: opening an invite link until the table is editable,
 * cold (a new browser context), warm (the link opened again in the same context: cached assets,
 * already joined) and cold on an emulated slow phone (Chromium's "Fast 3G" and a 4× slower CPU
 * through the DevTools protocol), with what crosses the network on the way.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { DESKTOP } from '../support/browser.js';

/** Chromium DevTools' "Fast 3G" preset (its throughputs already have the 0.9 factor DevTools applies). */
export const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};
/** CPU slowdown that goes with it (DevTools' "4× slowdown"). */
export const CPU_SLOWDOWN = 4;
/** How long the first visit stays on the table before the second (ms). */
const KEEP_COPY_MS = 1_000;

/** What crossed the network while a page loaded. */
export interface Transfer {
  /** Bytes of HTTP responses as received, headers included (CDP `encodedDataLength`). */
  httpBytes: number;
  /** HTTP responses received. */
  responses: number;
  /** Of those, served from the browser's cache without asking the server. */
  fromCache: number;
  /** Payload bytes of WebSocket frames received (the table document, presence, control). */
  wsBytes: number;
  /** Paths of the JavaScript files fetched or taken from the cache. */
  scripts: string[];
}

/** Counts what `page` receives from now on, through the DevTools protocol. */
async function watchTransfer(session: CDPSession): Promise<() => Transfer> {
  const transfer: Transfer = { httpBytes: 0, responses: 0, fromCache: 0, wsBytes: 0, scripts: [] };
  const urls = new Map<string, string>();
  session.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  session.on('Network.requestServedFromCache', () => transfer.fromCache++);
  session.on('Network.loadingFinished', (event) => {
    transfer.httpBytes += event.encodedDataLength;
    transfer.responses++;
    const url = urls.get(event.requestId);
    if (url && /\.m?js$/.test(new URL(url).pathname)) transfer.scripts.push(new URL(url).pathname);
  });
  session.on('Network.webSocketFrameReceived', (event) => {
    // Binary frames (opcode 2) come base64-encoded.
    const data = event.response.payloadData;
    transfer.wsBytes += event.response.opcode === 2 ? Buffer.byteLength(data, 'base64') : Buffer.byteLength(data);
  });
  await session.send('Network.enable');
  return () => ({ ...transfer, scripts: [...new Set(transfer.scripts)] });
}

/** Waits until the table is editable: the tool to add a sticky note shows, and the first artifact. */
async function tableEditable(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sticky note', exact: true }).waitFor();
  await page.locator('.artifact').first().waitFor();
}

/**
 * Opens `inviteUrl` in `page`, joins as `name` and waits for the editable table; returns the ms it
 * took. The name is typed as soon as its field shows, as a person would, not after the page's
 * `load` event (which also waits for what the page fetches ahead, such as the table's code).
 */
async function joinThroughInvite(page: Page, inviteUrl: string, name: string): Promise<number> {
  const started = Date.now();
  await page.goto(inviteUrl, { waitUntil: 'commit' });
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the table' }).click();
  await tableEditable(page);
  return Date.now() - started;
}

/** One person's join, then their second visit to the same link in the same browser context. */
export interface JoinRun {
  /** Invite link → editable table in a new context (ms). */
  coldMs: number;
  /** What the cold join transferred. */
  cold: Transfer;
  /** The same link opened again in the same context, already joined, assets cached (ms). */
  warmMs: number;
  /** What that second load transferred. */
  warm: Transfer;
}

async function newContext(browser: Browser, baseURL: string, timeout: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: DESKTOP, baseURL });
  context.setDefaultTimeout(timeout);
  return context;
}

/** Joins through `inviteUrl` as a new person (`runs` times), each time followed by a second visit in the same context. */
export async function measureJoins(browser: Browser, serverUrl: string, inviteUrl: string, runs: number): Promise<JoinRun[]> {
  const results: JoinRun[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser, serverUrl, 10_000);
    const page = await context.newPage();
    const coldTransfer = await watchTransfer(await context.newCDPSession(page));
    const coldMs = await joinThroughInvite(page, inviteUrl, `Reader ${run}`);
    const cold = coldTransfer();
    // Someone who comes back stayed more than a moment: long enough for the browser to keep its
    // copy of the table (written in batches, see localStore.ts), which a second visit loads first.
    await page.waitForTimeout(KEEP_COPY_MS);
    await page.close();
    const again = await context.newPage();
    const warmTransfer = await watchTransfer(await context.newCDPSession(again));
    const started = Date.now();
    await again.goto(inviteUrl, { waitUntil: 'commit' });
    await tableEditable(again);
    const warmMs = Date.now() - started;
    results.push({ coldMs, cold, warmMs, warm: warmTransfer() });
    await context.close();
  }
  return results;
}

/** A cold join on an emulated slow phone: Fast 3G and a 4× slower CPU. */
export async function measureSlowJoin(
  browser: Browser,
  serverUrl: string,
  inviteUrl: string,
  name: string,
): Promise<{ ms: number; transfer: Transfer }> {
  const context = await newContext(browser, serverUrl, 60_000);
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const transfer = await watchTransfer(session);
    await session.send('Network.emulateNetworkConditions', FAST_3G);
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const ms = await joinThroughInvite(page, inviteUrl, name);
    return { ms, transfer: transfer() };
  } finally {
    await context.close();
  }
}

/** gzip size of the built files behind `scripts` (paths such as `/assets/index-abc.js`) in `dist`. */
export function gzipOf(dist: string, scripts: readonly string[]): number {
  return scripts.reduce((sum, script) => {
    const file = path.join(dist, script);
    return sum + (fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file)).byteLength : 0);
  }, 0);
}
