/**
 * The typing benchmark's probe in the page (`typingLatency.ts`): the script that timestamps each
 * keystroke and each remote paragraph change as the browser shows and paints it, reading its
 * samples back, and the alignment of the page's clock with Node's.
 */
import type { Page } from 'playwright-core';

/** The editor of the document opened large. */
export const EDITOR = '.dialog-expanded .ProseMirror';

/** Epoch milliseconds on Node's clock (remote inserts are stamped with it; the probe's are aligned to it). */
export const now = (): number => performance.timeOrigin + performance.now();

/** A keystroke as the probe saw it: key event, listener, in DOM, after paint (page ms). */
export type KeySample = [event: number, handler: number, dom: number, paint: number];
/** A remote paragraph change as the probe saw it: index, length, in DOM, after paint (page epoch ms). */
export type RemoteSample = [block: number, length: number, dom: number, paint: number];

/**
 * The in-page probe (a string, not a function: tsx would wrap a function's inner helpers in code
 * the page lacks). Carets of other people are widgets inside the text: their labels are not text.
 */
export const PROBE = `(() => {
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

/** Whether `value` is a sample of the probe (four numbers). */
const isNumberTuple = (value: unknown): value is [number, number, number, number] =>
  Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number');

/** Reads the probe's samples out of the page. */
export async function readProbe(page: Page): Promise<{ keys: KeySample[]; remote: RemoteSample[] }> {
  const raw: unknown = await page.evaluate('({ keys: window.__typingProbe.keys, remote: window.__typingProbe.remote })');
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isNumberTuple) : []);
  return { keys: list(record.keys), remote: list(record.remote) };
}

/** The editor's paragraphs as plain text (carets removed). */
export async function pageTexts(page: Page): Promise<string[]> {
  const raw: unknown = await page.evaluate('window.__typingProbe.texts()');
  return Array.isArray(raw) ? raw.map(String) : [];
}

/** Offset of the page's epoch clock from Node's (page − Node), from the best of a few round trips, and its error. */
export async function clockOffset(page: Page): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 20; i++) {
    const before = now();
    const pageTime = Number(await page.evaluate('performance.timeOrigin + performance.now()'));
    const after = now();
    if ((after - before) / 2 < best.error) best = { offset: pageTime - (before + after) / 2, error: (after - before) / 2 };
  }
  return best;
}
