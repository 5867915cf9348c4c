/**
 * Typing latency in a document (TipTap bound to a Y.XmlFragment) while remote editors type into
 * the same document, for `npm run bench:client`.
 *
 * - A fresh session holds one document artifact with one paragraph per person. Each remote editor
 *   is a real y-websocket client in this process (its own participant token) that appends to its
 *   own paragraph at 5–10 characters per second, publishing its caret through awareness as the
 *   client's caret extension does (`docCaret`, relative positions).
 * - The local person opens the document large in Chromium and types into the first paragraph
 *   with real key presses (CDP key events, one every `keyIntervalMs`).
 * - A probe in the page timestamps, per keystroke: the key event (`event.timeStamp`, when the
 *   input was created), when the page's first keydown listener runs, the `input` event after the
 *   browser inserted the character (before the editor handles it), and the first task after the
 *   next animation frame (the frame that paints it, editor work included). A MutationObserver on
 *   the editor timestamps each change of a remote paragraph, matched with the remote insert that
 *   made it (Node and page clocks aligned by round trips).
 * - It runs twice: with the remote editors connected but idle (baseline), then typing.
 *
 * The pieces: the session, document and remote editors (`typingRemotes.ts`), the in-page probe
 * (`typingProbe.ts`), the measurements (`typingMeasure.ts`) and the report rows (`typingReport.ts`);
 * this file opens the document and runs the two phases.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, openPage } from '../support/browser.js';
import { keystrokeLatency, percentiles, remoteLatencies, startCpuMeter } from './typingMeasure.js';
import { clockOffset, EDITOR, pageTexts, PROBE, readProbe } from './typingProbe.js';
import {
  connectRemote,
  createSession,
  LOCAL_NAME,
  paragraphText,
  seedDocument,
  startTyping,
  type Member,
  type RemoteEditor,
  type RemoteInsert,
} from './typingRemotes.js';
import { sleep } from './time.js';

export { typingRows } from './typingReport.js';

/** What to run. */
export interface TypingBenchOptions {
  /** Remote editors typing into the document. */
  remoteEditors: number;
  /** Keystrokes measured while the remote editors type. */
  keystrokes: number;
  /** Keystrokes measured while they are connected but idle (the baseline). */
  baselineKeystrokes: number;
  /** Time between two local key presses (ms). */
  keyIntervalMs: number;
  /** Where to save a screenshot taken while everyone types; none when unset. */
  screenshotPath?: string;
}

/** Percentiles of latency samples in milliseconds. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Latencies of the local person's keystrokes in one phase. */
export interface KeystrokeLatency {
  /** Key event → the browser inserted its character (the `input` event, before the editor handles it). */
  toDom: Percentiles;
  /** Key event → the first task after the frame that paints it. */
  toPaint: Percentiles;
  /** Key event → the page's keydown listener runs (time the input waited for the main thread). */
  inputDelay: Percentiles;
  /** Keystrokes whose character never showed up (should be 0). */
  missing: number;
}

/** Everything the typing benchmark measured. */
export interface TypingLatencyResult {
  remoteEditors: number;
  keyIntervalMs: number;
  /** Local typing with the remote editors connected but idle. */
  quiet: KeystrokeLatency;
  /** Local typing while the remote editors type. */
  busy: KeystrokeLatency;
  /** Remote insert (just before the Yjs transaction) → its text in the browser's editor DOM. */
  remoteToDom: Percentiles;
  /** Remote insert → the first task after the frame that paints it. */
  remoteToPaint: Percentiles;
  /** Characters the remote editors typed during the busy phase, and their rate (per second, all editors). */
  remoteInserts: number;
  remoteRate: number;
  /** Uncertainty of the Node ↔ page clock alignment (half the best round trip, ms). */
  clockError: number;
  /** CPU used during the busy phase, in cores: by this process and its Chromium, and by everything else on the machine. */
  cpu: { ours: number; others: number };
  /** Every paragraph in the browser equals the remote editors' text and they received every local keystroke. */
  converged: boolean;
}

/** What the local person types, over and over. */
const LOCAL_TEXT = 'the quick brown fox jumps over the lazy dog while five colleagues write beside it and nobody waits ';

/** Signs the page in as `member` (identity in localStorage, as the join page leaves it) and opens the table. */
async function openTable(page: Page, sessionId: string, member: Member): Promise<void> {
  await page.goto('/');
  const identity = JSON.stringify({ participantId: member.participantId, token: member.token, name: member.name, role: 'participant' });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`worktable:identity:${sessionId}`, identity] as const);
  await page.goto(`/s/${sessionId}`);
  await page
    .getByRole('status')
    .filter({ hasText: /^Connected$/ })
    .waitFor();
}

/** Opens the document large and puts the caret at the end of the first paragraph. */
async function openDocument(page: Page, author: string): Promise<void> {
  const frame = page.getByRole('group', { name: new RegExp(`^Document by ${author}`) });
  await frame.locator('.ProseMirror').waitFor();
  await frame.focus();
  await page.keyboard.press('Enter');
  const editor = page.locator(EDITOR);
  await editor.locator('p').first().waitFor();
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
}

/** Presses the characters of `text`, one every `intervalMs` on a fixed schedule (a late press does not shift the later ones). */
async function typeAtPace(page: Page, text: string, intervalMs: number): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < text.length; i++) {
    await sleep(start + i * intervalMs - performance.now());
    await page.keyboard.type(text[i] ?? ' ');
  }
}

/** `count` characters of the local person's text, from character `from` on (it repeats). */
function localText(from: number, count: number): string {
  return LOCAL_TEXT.repeat(Math.ceil((from + count) / LOCAL_TEXT.length)).slice(from, from + count);
}

/** Whether, within 10 s, the page shows `localText` and every remote paragraph as its editor has it, and every remote editor has the local text. */
async function converged(page: Page, editors: readonly RemoteEditor[], artifactId: string, localText: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const texts = await pageTexts(page);
    const pageMatches = texts[0] === localText && editors.every((editor) => texts[editor.block] === editor.text.toString());
    const remotesMatch = editors.every((editor) => paragraphText(editor.client.doc, artifactId, 0).toString() === localText);
    if (pageMatches && remotesMatch) return true;
    await sleep(100);
  }
  return false;
}

/** The document open in a page, with remote editors connected to it. */
interface TypingStage {
  page: Page;
  editors: RemoteEditor[];
  artifactId: string;
  /** Page clock − Node clock, and its uncertainty (ms). */
  clock: { offset: number; error: number };
}

/** What the busy phase measured besides the local keystrokes. */
type BusyPhase = Pick<TypingLatencyResult, 'busy' | 'remoteToDom' | 'remoteToPaint' | 'remoteInserts' | 'remoteRate' | 'cpu' | 'converged'>;

/** Creates the session and the document, connects the remote editors and opens the document in a new page with the probe. */
async function setUpStage(browser: Browser, serverUrl: string, wsUrl: string, remoteEditors: number): Promise<TypingStage> {
  const { session, local, remote } = await createSession(serverUrl, remoteEditors);
  const artifactId = await seedDocument(wsUrl, session.sessionId, local, [local.name, ...remote.map((m) => m.name)]);
  const editors = await Promise.all(remote.map((member, i) => connectRemote(wsUrl, session.sessionId, artifactId, member, i)));
  const page = await openPage(browser, serverUrl, DESKTOP);
  try {
    await openTable(page, session.sessionId, local);
    await openDocument(page, local.name);
    await page.evaluate(PROBE);
    return { page, editors, artifactId, clock: await clockOffset(page) };
  } catch (error) {
    await page.context().close();
    for (const editor of editors) editor.client.destroy();
    throw error;
  }
}

/** The local person types while the remote editors are connected but idle. */
async function quietPhase(stage: TypingStage, options: TypingBenchOptions): Promise<KeystrokeLatency> {
  await typeAtPace(stage.page, localText(0, options.baselineKeystrokes), options.keyIntervalMs);
  const quiet = await keystrokeLatency(stage.page, options.baselineKeystrokes);
  await stage.page.evaluate('window.__typingProbe.reset()');
  return quiet;
}

/** The remote editors type (from 1 s before the local person starts until they finish) while the local person types. */
async function busyPhase(stage: TypingStage, options: TypingBenchOptions): Promise<BusyPhase> {
  const { page, editors, artifactId, clock } = stage;
  const inserts: RemoteInsert[] = [];
  const stops = editors.map((editor) => startTyping(editor, inserts));
  const started = performance.now();
  const cpuMeter = startCpuMeter();
  await sleep(1_000);
  await typeAtPace(page, localText(options.baselineKeystrokes, options.keystrokes), options.keyIntervalMs);
  if (options.screenshotPath) await page.screenshot({ path: options.screenshotPath });
  for (const stop of stops) stop();
  const cpu = cpuMeter();
  const seconds = (performance.now() - started) / 1000;
  const busy = await keystrokeLatency(page, options.keystrokes);
  const everyone = await converged(
    page,
    editors,
    artifactId,
    `${LOCAL_NAME}: ${localText(0, options.baselineKeystrokes + options.keystrokes)}`,
  );
  const remoteSeen = remoteLatencies(inserts, (await readProbe(page)).remote, clock.offset);
  return {
    busy,
    remoteToDom: percentiles(remoteSeen.dom),
    remoteToPaint: percentiles(remoteSeen.paint),
    remoteInserts: inserts.length,
    remoteRate: inserts.length / seconds,
    cpu,
    converged: everyone,
  };
}

/**
 * Runs the typing benchmark in a new page of `browser` against the server at `serverUrl`/`wsUrl`:
 * a baseline with the remote editors idle, then the measured phase with them typing.
 */
export async function measureTypingLatency(
  browser: Browser,
  serverUrl: string,
  wsUrl: string,
  options: TypingBenchOptions,
): Promise<TypingLatencyResult> {
  const stage = await setUpStage(browser, serverUrl, wsUrl, options.remoteEditors);
  try {
    const quiet = await quietPhase(stage, options);
    const busy = await busyPhase(stage, options);
    return { remoteEditors: options.remoteEditors, keyIntervalMs: options.keyIntervalMs, quiet, clockError: stage.clock.error, ...busy };
  } finally {
    await stage.page.context().close();
    for (const editor of stage.editors) editor.client.destroy();
  }
}
