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
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { ArtifactField, ArtifactKind, TableRoot, type CreateSessionResponse, type JoinSessionResponse } from '@worktable/shared';
import { connectClient, postJson, waitFor, type YClient } from '../../server/src/testing/testServer.js';
import { DESKTOP, openPage } from '../support/browser.js';
import { machineBusyMicros, processCpuMicros } from './procStats.js';
import { percentile } from './stats.js';
import { sleep } from './time.js';

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

/** One person's participant credentials. */
interface Member {
  name: string;
  participantId: string;
  token: string;
}

/** A remote editor: its client, its paragraph's text and its insert log. */
interface RemoteEditor {
  member: Member;
  client: YClient;
  /** Index of its paragraph in the document. */
  block: number;
  text: Y.XmlText;
  /** Text it types, character by character, over and over. */
  script: string;
}

/** One remote insert: paragraph index, paragraph length after it, when (Node epoch ms). */
type RemoteInsert = [block: number, length: number, at: number];
/** A keystroke as the probe saw it: key event, listener, in DOM, after paint (page ms). */
type KeySample = [event: number, handler: number, dom: number, paint: number];
/** A remote paragraph change as the probe saw it: index, length, in DOM, after paint (page epoch ms). */
type RemoteSample = [block: number, length: number, dom: number, paint: number];

const REMOTE_NAMES = ['Ada', 'Bruno', 'Chen', 'Dara', 'Eli', 'Farah', 'Gus', 'Hana'];
const REMOTE_COLORS = ['#c0392b', '#2471a3', '#1e8449', '#8e44ad', '#b9770e', '#17a589', '#cb4335', '#5d6d7e'];
const LOCAL_NAME = 'Local typist';
const LOCAL_TEXT = 'the quick brown fox jumps over the lazy dog while five colleagues write beside it and nobody waits ';
const EDITOR = '.dialog-expanded .ProseMirror';

const now = (): number => performance.timeOrigin + performance.now();

/** Nearest-rank p50/p95/p99/max of `samples`. */
function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] as number };
}

/** Creates a session and joins the local person and `remotes` remote editors through the API. */
async function createSession(serverUrl: string, remotes: number): Promise<{ session: CreateSessionResponse; local: Member; remote: Member[] }> {
  const { body: session } = await postJson<CreateSessionResponse>(`${serverUrl}/api/sessions`, { title: 'Typing bench' });
  const join = async (name: string): Promise<Member> => {
    const { status, body } = await postJson<JoinSessionResponse>(`${serverUrl}/api/sessions/${session.sessionId}/join`, { inviteCode: session.inviteCode, name });
    if (status !== 201) throw new Error(`join failed: ${status}`);
    return { name, participantId: body.participantId, token: body.token };
  };
  const local = await join(LOCAL_NAME);
  const remote: Member[] = [];
  for (let i = 0; i < remotes; i++) remote.push(await join(REMOTE_NAMES[i % REMOTE_NAMES.length] ?? `Remote ${i}`));
  return { session, local, remote };
}

/** A paragraph element of the TipTap schema holding `text`. */
function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Puts a document on the table whose paragraphs start with each person's name; returns its id. */
async function seedDocument(wsUrl: string, sessionId: string, author: Member, names: readonly string[]): Promise<string> {
  const client = connectClient(wsUrl, sessionId, 'table-1', author.token);
  await client.synced;
  const id = 'typing-doc';
  client.doc.transact(() => {
    const artifact = new Y.Map<unknown>();
    const content = new Y.XmlFragment();
    artifact.set(ArtifactField.Id, id);
    artifact.set(ArtifactField.Kind, ArtifactKind.Document);
    artifact.set(ArtifactField.X, 40);
    artifact.set(ArtifactField.Y, 40);
    artifact.set(ArtifactField.W, 520);
    artifact.set(ArtifactField.H, 520);
    artifact.set(ArtifactField.Z, 1);
    artifact.set(ArtifactField.CreatedBy, author.participantId);
    artifact.set(ArtifactField.CreatedByName, author.name);
    artifact.set(ArtifactField.CreatedAt, Date.now());
    artifact.set(ArtifactField.Title, 'Shared notes');
    artifact.set(ArtifactField.Content, content);
    content.insert(0, names.map((name) => paragraph(`${name}: `)));
    client.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set(id, artifact);
  });
  await waitFor(() => client.provider.ws?.bufferedAmount === 0, 10_000, 'document sent');
  await sleep(300);
  client.destroy();
  return id;
}

/** The Y.XmlText of paragraph `block` of document `artifactId` in `doc`. */
function paragraphText(doc: Y.Doc, artifactId: string, block: number): Y.XmlText {
  const artifact = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(artifactId);
  const content = artifact?.get(ArtifactField.Content);
  const element = content instanceof Y.XmlFragment ? content.get(block) : undefined;
  const text = element instanceof Y.XmlElement ? element.get(0) : undefined;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${block} of ${artifactId} is missing`);
  return text;
}

/** Publishes the editor's caret at the end of its paragraph, as the client's caret extension would. */
function publishCaret(editor: RemoteEditor): void {
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(editor.text, editor.text.length));
  editor.client.provider.awareness.setLocalStateField('docCaret', { anchor: position, head: position });
}

/** Connects remote editor `index` (paragraph `index + 1`) and publishes its presence and caret. */
async function connectRemote(wsUrl: string, sessionId: string, artifactId: string, member: Member, index: number): Promise<RemoteEditor> {
  const client = connectClient(wsUrl, sessionId, 'table-1', member.token);
  await client.synced;
  const color = REMOTE_COLORS[index % REMOTE_COLORS.length] ?? '#555555';
  client.provider.awareness.setLocalStateField('user', { name: member.name, color, participantId: member.participantId, role: 'participant' });
  const block = index + 1;
  const script = `${member.name.toLowerCase()} adds point ${index + 1}: the evidence in section ${index + 2} supports the second reading. `;
  const editor: RemoteEditor = { member, client, block, text: paragraphText(client.doc, artifactId, block), script };
  publishCaret(editor);
  return editor;
}

/** Starts `editor` typing at a random 5–10 characters per second, logging each insert; returns a stop function. */
function startTyping(editor: RemoteEditor, log: RemoteInsert[]): () => void {
  let typed = 0;
  let timer: NodeJS.Timeout | undefined;
  const typeOne = () => {
    const character = editor.script[typed % editor.script.length] ?? ' ';
    typed += 1;
    const at = now();
    editor.client.doc.transact(() => editor.text.insert(editor.text.length, character));
    log.push([editor.block, editor.text.length, at]);
    publishCaret(editor);
    timer = setTimeout(typeOne, 100 + Math.random() * 100);
  };
  timer = setTimeout(typeOne, Math.random() * 150);
  return () => clearTimeout(timer);
}

/** This process and its descendants (Chromium and its helpers). */
function ownProcessTree(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = children.get(parent) ?? [];
      siblings.push(Number(entry));
      children.set(parent, siblings);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(process.pid);
  return tree;
}

/** CPU time (µs) of each of `pids` that is still there. */
function cpuOf(pids: readonly number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    try {
      result.set(pid, processCpuMicros(pid));
    } catch {
      // exited
    }
  }
  return result;
}

/** Starts measuring CPU; the returned function gives the cores used since by this process tree and by everything else. */
function startCpuMeter(): () => { ours: number; others: number } {
  const started = performance.now();
  const machine = machineBusyMicros();
  const before = cpuOf(ownProcessTree());
  return () => {
    const seconds = (performance.now() - started) / 1000;
    let ours = 0;
    for (const [pid, micros] of cpuOf(ownProcessTree())) ours += micros - (before.get(pid) ?? 0);
    const others = Math.max(0, machineBusyMicros() - machine - ours);
    return { ours: ours / 1e6 / seconds, others: others / 1e6 / seconds };
  };
}

/** Signs the page in as `member` (identity in localStorage, as the join page leaves it) and opens the table. */
async function openTable(page: Page, sessionId: string, member: Member): Promise<void> {
  await page.goto('/');
  const identity = JSON.stringify({ participantId: member.participantId, token: member.token, name: member.name, role: 'participant' });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`worktable:identity:${sessionId}`, identity] as const);
  await page.goto(`/s/${sessionId}`);
  await page.getByRole('status').filter({ hasText: /^Connected$/ }).waitFor();
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

/**
 * The in-page probe (a string, not a function: tsx would wrap a function's inner helpers in code
 * the page lacks). Carets of other people are widgets inside the text: their labels are not text.
 */
const PROBE = `(() => {
  const root = document.querySelector(${JSON.stringify(EDITOR)});
  if (!root) throw new Error('no editor');
  const ownText = (el) => {
    if (!el) return 0;
    let n = (el.textContent || '').length;
    for (const caret of el.querySelectorAll('.collaboration-carets__caret')) n -= (caret.textContent || '').length;
    return n;
  };
  const epoch = (t) => performance.timeOrigin + t;
  const keys = [];
  const remote = [];
  const lengths = [...root.children].map(ownText);
  let base = lengths[0];
  let shown = 0;
  let waiters = [];
  const afterPaint = (done) => {
    if (waiters.length === 0) requestAnimationFrame(() => {
      const batch = waiters;
      waiters = [];
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { const t = performance.now(); for (const f of batch) f(t); };
      channel.port2.postMessage(0);
    });
    waiters.push(done);
  };
  // Capturing on the window, so these run before the editor's own listeners; the input event
  // comes right after the browser inserted the character, before ProseMirror (whose
  // MutationObserver was registered first) reads the change and dispatches its transaction.
  window.addEventListener('keydown', (event) => {
    if (event.key.length === 1 && root.contains(event.target)) keys.push([event.timeStamp, performance.now(), -1, -1]);
  }, true);
  const checkLocal = () => {
    const t = performance.now();
    const local = ownText(root.children[0]);
    while (shown < keys.length && local >= base + shown + 1) {
      const key = keys[shown++];
      key[2] = t;
      afterPaint((painted) => { key[3] = painted; });
    }
  };
  window.addEventListener('input', checkLocal, true);
  // Remote changes: by the end of the task in which the editor put them in its DOM.
  const check = () => {
    checkLocal();
    const t = performance.now();
    for (let i = 1; i < root.children.length; i++) {
      const n = ownText(root.children[i]);
      if (n === lengths[i]) continue;
      lengths[i] = n;
      const sample = [i, n, epoch(t), -1];
      remote.push(sample);
      afterPaint((painted) => { sample[3] = epoch(painted); });
    }
  };
  new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true });
  window.__typingProbe = {
    keys,
    remote,
    reset() { keys.length = 0; remote.length = 0; base = ownText(root.children[0]); shown = 0; },
    texts() {
      return [...root.children].map((el) => {
        const copy = el.cloneNode(true);
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        return copy.textContent || '';
      });
    },
  };
})()`;

const isNumberTuple = (value: unknown): value is [number, number, number, number] =>
  Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number');

/** Reads the probe's samples out of the page. */
async function readProbe(page: Page): Promise<{ keys: KeySample[]; remote: RemoteSample[] }> {
  const raw: unknown = await page.evaluate('({ keys: window.__typingProbe.keys, remote: window.__typingProbe.remote })');
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isNumberTuple) : []);
  return { keys: list(record.keys), remote: list(record.remote) };
}

/** The editor's paragraphs as plain text (carets removed). */
async function pageTexts(page: Page): Promise<string[]> {
  const raw: unknown = await page.evaluate('window.__typingProbe.texts()');
  return Array.isArray(raw) ? raw.map(String) : [];
}

/** Offset of the page's epoch clock from Node's (page − Node), from the best of a few round trips, and its error. */
async function clockOffset(page: Page): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 20; i++) {
    const before = now();
    const pageTime = Number(await page.evaluate('performance.timeOrigin + performance.now()'));
    const after = now();
    if ((after - before) / 2 < best.error) best = { offset: pageTime - (before + after) / 2, error: (after - before) / 2 };
  }
  return best;
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

/** Waits until the probe has seen and painted every keystroke (or 5 s), then summarises them. */
async function keystrokeLatency(page: Page, expected: number): Promise<KeystrokeLatency> {
  const painted = async () => (await readProbe(page)).keys.filter((k) => k[3] >= 0).length;
  const deadline = Date.now() + 5_000;
  while ((await painted()) < expected && Date.now() < deadline) await sleep(50);
  const { keys } = await readProbe(page);
  const done = keys.filter((k) => k[3] >= 0);
  return {
    toDom: percentiles(done.map(([event, , dom]) => dom - event)),
    toPaint: percentiles(done.map(([event, , , paint]) => paint - event)),
    inputDelay: percentiles(keys.map(([event, handler]) => handler - event)),
    missing: expected - done.length,
  };
}

/** Matches each remote insert with the first time the page showed its paragraph at least that long. */
function remoteLatencies(inserts: readonly RemoteInsert[], seen: readonly RemoteSample[], offset: number): { dom: number[]; paint: number[] } {
  const byBlock = new Map<number, RemoteSample[]>();
  for (const sample of seen) {
    const list = byBlock.get(sample[0]) ?? [];
    list.push(sample);
    byBlock.set(sample[0], list);
  }
  const dom: number[] = [];
  const paint: number[] = [];
  for (const [block, length, at] of inserts) {
    const match = byBlock.get(block)?.find((sample) => sample[1] >= length);
    if (!match) continue;
    dom.push(match[2] - offset - at);
    if (match[3] >= 0) paint.push(match[3] - offset - at);
  }
  return { dom, paint };
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
  const everyone = await converged(page, editors, artifactId, `${LOCAL_NAME}: ${localText(0, options.baselineKeystrokes + options.keystrokes)}`);
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
export async function measureTypingLatency(browser: Browser, serverUrl: string, wsUrl: string, options: TypingBenchOptions): Promise<TypingLatencyResult> {
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

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
/** `p50 / p95 / p99 / max` in ms. */
function spread(p: Percentiles): string {
  return `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} / ${ms(p.max)}`;
}

/** The benchmark's rows for the client benchmark's table, as [label, value]. */
export function typingRows(result: TypingLatencyResult): Array<[string, string]> {
  const { busy, quiet } = result;
  const both = (pick: (phase: KeystrokeLatency) => Percentiles) => `${spread(pick(busy))} · idle: ${spread(pick(quiet))}`;
  return [
    [
      `typing in a document, key → painted, p50 / p95 / p99 / max (ms): ${result.remoteEditors} remote editors typing · idle`,
      `${both((phase) => phase.toPaint)} (${busy.toPaint.count} · ${quiet.toPaint.count} keystrokes, one per ${result.keyIntervalMs} ms; ${busy.missing + quiet.missing} missing)`,
    ],
    ['typing: key → in the editor DOM (ms), typing · idle', both((phase) => phase.toDom)],
    ['typing: key event waits for the main thread (ms), typing · idle', both((phase) => phase.inputDelay)],
    [
      'typing: remote insert → in the browser DOM · painted, p50 / p95 / p99 / max (ms)',
      `${spread(result.remoteToDom)} · ${spread(result.remoteToPaint)} (${result.remoteToDom.count} of ${result.remoteInserts} inserts, ${result.remoteRate.toFixed(1)} chars/s from all editors; clocks ±${result.clockError.toFixed(2)} ms)`,
    ],
    ['typing: everyone ends with the same text', result.converged ? 'yes' : 'NO'],
    ['typing: CPU while everyone types, this bench (Node + Chromium) / everything else (cores)', `${result.cpu.ours.toFixed(2)} / ${result.cpu.others.toFixed(2)}`],
  ];
}
