/**
 * Pointer gestures on your private notes: a press selects (a second one types), a drag moves the
 * note, a resize handle resizes it. Written to the private document at most once per animation
 * frame and once more on release, one undo step per drag. Presses inside the layer never reach
 * the table's own gestures (which would pan, or select on the table).
 */
import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type * as Y from 'yjs';
import { resizeRect, type Rect, type ResizeHandle } from '@worktable/shared';
import { metaOf, setRects } from '../canvas/tableModel.js';
import { useCanvasUi } from '../canvas/uiStore.js';

type Drag =
  | { kind: 'move'; pointerId: number; id: string; startX: number; startY: number; rect: Rect; next: Rect; moved: boolean }
  | {
      kind: 'resize';
      pointerId: number;
      id: string;
      handle: ResizeHandle;
      startX: number;
      startY: number;
      rect: Rect;
      next: Rect;
      moved: boolean;
    };

/** Elements inside a note that take the pointer themselves (typing, clicking). */
const INTERACTIVE = 'textarea, input, select, button, a, [contenteditable="true"], [data-no-drag]';
/** Screen pixels a pointer may wander before a press becomes a drag. */
const DRAG_SLOP = 3;
/** Y.UndoManager's own capture window, restored after a drag. */
const DEFAULT_CAPTURE_MS = 500;

/** What the gestures need. */
export interface PrivateGestureOptions {
  doc: Y.Doc;
  undo: Y.UndoManager;
  /** Selects a private note (null: none). */
  select(id: string | null): void;
}

/** Pointer handlers for the private layer. */
export function usePrivateGestures({ doc, undo, select }: PrivateGestureOptions) {
  const drag = useRef<Drag | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const flush = useCallback(() => {
    frame.current = 0;
    const d = drag.current;
    if (d?.moved) setRects(doc, new Map([[d.id, d.next]]));
  }, [doc]);

  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    // The table's gestures stay out of the layer (and out of a private note opened large).
    event.stopPropagation();
    if (event.button !== 0 || drag.current) return;
    const target = event.target as Element;
    const frameEl = target.closest<HTMLElement>('[data-artifact-id]');
    const id = frameEl?.dataset.artifactId;
    const meta = id ? metaOf(doc, id) : null;
    if (!frameEl || !id || !meta) return;
    select(id);
    const handle = target.closest<HTMLElement>('[data-handle]')?.dataset.handle as ResizeHandle | undefined;
    if (!handle && target.closest(INTERACTIVE)) return;
    event.preventDefault();
    frameEl.focus({ preventScroll: true });
    frameEl.setPointerCapture(event.pointerId);
    const rect = { x: meta.x, y: meta.y, w: meta.w, h: meta.h };
    const start = { pointerId: event.pointerId, id, startX: event.clientX, startY: event.clientY, rect, next: rect, moved: false };
    drag.current = handle ? { kind: 'resize', handle, ...start } : { kind: 'move', ...start };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const zoom = useCanvasUi.getState().viewport.zoom;
    const dx = (event.clientX - d.startX) / zoom;
    const dy = (event.clientY - d.startY) / zoom;
    if (!d.moved && Math.hypot(dx, dy) * zoom < DRAG_SLOP) return;
    if (!d.moved) {
      // One drag, one undo step, however long it takes.
      undo.stopCapturing();
      undo.captureTimeout = 24 * 60 * 60 * 1000;
    }
    d.moved = true;
    d.next = d.kind === 'move' ? { ...d.rect, x: d.rect.x + dx, y: d.rect.y + dy } : resizeRect(d.rect, d.handle, dx, dy);
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };

  const finish = (event: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    cancelAnimationFrame(frame.current);
    flush();
    drag.current = null;
    if (!d.moved) return;
    undo.captureTimeout = DEFAULT_CAPTURE_MS;
    undo.stopCapturing();
  };

  return { onPointerDown, onPointerMove, onPointerUp: finish, onPointerCancel: finish };
}
