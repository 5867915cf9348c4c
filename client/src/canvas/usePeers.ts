/**
 * What other people at the table show through awareness: their cursor (world coordinates), the
 * artifact they are editing and their visible world rectangle, read defensively.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Point, Rect } from '@worktable/shared';

/** One remote person's canvas presence. */
export interface PeerCanvasState {
  clientId: number;
  name: string;
  color: string;
  cursor: Point | null;
  editing: string | null;
  view: Rect | null;
}

function finite(...values: unknown[]): boolean {
  return values.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** One awareness state read defensively (bad cursors, views and colours are dropped), or null without a user. */
export function readPeer(clientId: number, state: Record<string, unknown>): PeerCanvasState | null {
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  const cursor = state.cursor as Record<string, unknown> | null | undefined;
  const view = state.viewport as Record<string, unknown> | null | undefined;
  return {
    clientId,
    name: user.name.slice(0, 80),
    color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#555555',
    cursor: cursor && finite(cursor.x, cursor.y) ? { x: cursor.x as number, y: cursor.y as number } : null,
    editing: typeof state.editing === 'string' ? state.editing : null,
    view:
      view && finite(view.x, view.y, view.w, view.h) && (view.w as number) > 0 && (view.h as number) > 0
        ? { x: view.x as number, y: view.y as number, w: view.w as number, h: view.h as number }
        : null,
  };
}

const samePoint = (a: Point | null, b: Point | null) => a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);
const sameRect = (a: Rect | null, b: Rect | null) =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);

/** Whether two peers show the same on the canvas. */
export function samePeer(a: PeerCanvasState, b: PeerCanvasState): boolean {
  return (
    a.clientId === b.clientId &&
    a.name === b.name &&
    a.color === b.color &&
    a.editing === b.editing &&
    samePoint(a.cursor, b.cursor) &&
    sameRect(a.view, b.view)
  );
}

/** Everyone else's canvas presence, read from `awareness`; `previous` itself when nothing the canvas shows changed. */
export function readPeers(awareness: Awareness, previous: readonly PeerCanvasState[]): readonly PeerCanvasState[] {
  const peers: PeerCanvasState[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const peer = readPeer(clientId, state);
    if (peer) peers.push(peer);
  }
  const same = peers.length === previous.length && peers.every((peer, i) => samePeer(peer, previous[i] as PeerCanvasState));
  return same ? previous : peers;
}

/**
 * Everyone else's canvas presence. A new list only when something the canvas shows changed (a
 * pointer, a view, who edits what, a name or colour): awareness also changes with fields the
 * canvas does not show — someone's caret in a document moves with every key they press — and
 * those must not re-render the canvas.
 */
export function usePeers(awareness: Awareness): readonly PeerCanvasState[] {
  const store = useMemo(() => {
    let snapshot = readPeers(awareness, []);
    return {
      subscribe(listener: () => void) {
        // Whatever changed before this subscription (React reads the snapshot again right after).
        snapshot = readPeers(awareness, snapshot);
        const onChange = () => {
          const next = readPeers(awareness, snapshot);
          if (next === snapshot) return;
          snapshot = next;
          listener();
        };
        awareness.on('change', onChange);
        return () => awareness.off('change', onChange);
      },
      getSnapshot: () => snapshot,
    };
  }, [awareness]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Calls `fn` at most once per `ms`, always delivering the latest arguments. */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    if (pending) fn(...pending);
    pending = null;
  };
  const throttled = (...args: A) => {
    pending = args;
    if (timer) return;
    const wait = ms - (Date.now() - last);
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
