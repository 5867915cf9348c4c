/**
 * The awareness the document editor's caret extension sees: a thin adapter over the table's real
 * awareness that keeps the two from clobbering each other's fields.
 *
 * Why: `@tiptap/extension-collaboration-caret` 3.x (through `@tiptap/y-tiptap`'s `yCursorPlugin`)
 * 1. replaces the whole local `user` field with its `user` option
 *    (`awareness.setLocalStateField('user', options.user)`), which would drop the canvas's
 *    `participantId` and `role`;
 * 2. writes the text selection to the `cursor` field and reads every peer's `cursor` as
 *    `{ anchor, head }` relative positions — but the canvas publishes its pointer in `cursor`.
 *    (`yCursorPlugin` takes a field name, but still reads `cursor` when drawing, so the name
 *    alone does not help.)
 *
 * So the adapter (a) merges writes to `user` into the existing object — the caret extension can
 * only add or change `name` and `color`, never remove the other fields — and (b) maps the caret
 * extension's `cursor` to the awareness field `DOC_CARET_FIELD` both ways, so the canvas keeps
 * `cursor` to itself. Peers' `user` is read as published (the same object the people list uses).
 * It also forwards `change` events only when some other person's caret, name or colour changed, so
 * canvas pointer moves — and this client's own caret, which the extension never draws — do not
 * make every open editor recompute its caret decorations.
 *
 * And it publishes the caret only when it moved: `yCursorPlugin` re-publishes it after every
 * remote change to the document even when its relative position is the same (and awareness
 * treats a new `Y.RelativePosition` object as a change), which made every keystroke of every
 * other person cost an awareness `change` here and an awareness message to everyone.
 *
 * Make one adapter per editor: the same document can be open twice in one tab (on the canvas and
 * opened large), and each editor may only clear the caret it published itself — otherwise the
 * unfocused one would erase the focused one's caret on every change. The local state therefore
 * shows an editor only its own caret.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/** The awareness field holding this client's text selection in a document (relative positions). */
export const DOC_CARET_FIELD = 'docCaret';

type State = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;

/** The part of `Awareness` that the caret extension and `yCursorPlugin` use. */
export interface CaretAwareness {
  readonly clientID: number;
  readonly states: Map<number, State>;
  getStates(): Map<number, State>;
  getLocalState(): State | null;
  setLocalStateField(field: string, value: unknown): void;
  on(event: string, listener: Listener): void;
  off(event: string, listener: Listener): void;
}

function asRecord(value: unknown): State | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as State) : null;
}

/** What the caret extension sees of one awareness state: `user` (copied) and the doc caret as `cursor`. */
function view(state: unknown): State {
  const record = asRecord(state);
  if (!record) return {};
  const user = asRecord(record.user);
  return { user: user ? { ...user } : {}, cursor: record[DOC_CARET_FIELD] ?? null };
}

/** The other clients' carets, names and colours (this client's own caret is never drawn). */
function caretSignature(states: Map<number, unknown>, ownClientId: number): string {
  const parts: string[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const record = asRecord(state);
    const user = asRecord(record?.user);
    parts.push(`${clientId}|${String(user?.name)}|${String(user?.color)}|${JSON.stringify(record?.[DOC_CARET_FIELD] ?? null)}`);
  }
  return parts.join('\n');
}

function samePosition(a: unknown, b: unknown): boolean {
  if (a instanceof Y.RelativePosition && b instanceof Y.RelativePosition) return Y.compareRelativePositions(a, b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two published carets (`{ anchor, head }`, relative positions) point at the same places. */
function sameCaret(a: unknown, b: unknown): boolean {
  const x = asRecord(a);
  const y = asRecord(b);
  return x !== null && y !== null && samePosition(x.anchor, y.anchor) && samePosition(x.head, y.head);
}

/** Wraps `awareness` for `CollaborationCaret` (pass `{ awareness: caretAwareness(awareness) }` as its provider). */
export function caretAwareness(awareness: Awareness): CaretAwareness {
  const wrapped = new Map<Listener, Listener>();
  // The caret value this editor last published (awareness keeps the very object we pass).
  let mine: unknown = null;
  const ownCaret = (local: State) => (mine !== null && local[DOC_CARET_FIELD] === mine ? mine : null);

  const getStates = () => {
    const states = new Map<number, State>();
    for (const [clientId, state] of awareness.getStates()) states.set(clientId, view(state));
    return states;
  };

  return {
    get clientID() {
      return awareness.clientID;
    },
    get states() {
      return getStates();
    },
    getStates,
    getLocalState() {
      const local = awareness.getLocalState();
      return local === null ? null : { ...view(local), cursor: ownCaret(local) };
    },
    setLocalStateField(field, value) {
      // A destroyed awareness has no local state; writing would bring it back.
      const local = awareness.getLocalState();
      if (local === null) return;
      if (field === 'cursor') {
        if (value === null || value === undefined) {
          if (ownCaret(local) !== null) awareness.setLocalStateField(DOC_CARET_FIELD, null);
          mine = null;
        } else {
          // Still published and pointing at the same places: nothing to tell anyone.
          if (ownCaret(local) !== null && sameCaret(mine, value)) return;
          mine = value;
          awareness.setLocalStateField(DOC_CARET_FIELD, value);
        }
      } else if (field === 'user') {
        const merged = { ...asRecord(local.user), ...asRecord(value) };
        awareness.setLocalStateField('user', merged);
      } else {
        awareness.setLocalStateField(field, value);
      }
    },
    on(event, listener) {
      if (event !== 'change') {
        awareness.on(event, listener);
        return;
      }
      let lastSignature = caretSignature(awareness.getStates(), awareness.clientID);
      const filtered: Listener = (...args) => {
        const signature = caretSignature(awareness.getStates(), awareness.clientID);
        if (signature === lastSignature) return;
        lastSignature = signature;
        listener(...args);
      };
      wrapped.set(listener, filtered);
      awareness.on('change', filtered);
    },
    off(event, listener) {
      const filtered = event === 'change' ? wrapped.get(listener) : undefined;
      if (filtered) wrapped.delete(listener);
      awareness.off(event, filtered ?? listener);
    },
  };
}
