/**
 * Pointer gestures on the canvas: pan (empty space, middle button, space+drag), marquee selection
 * (shift+drag or the select tool), click/shift-click selection, moving the selection, resizing
 * a single artifact (a frame moves with its contents; resizing it does not), and two-finger pinch zoom on touch screens. Moves and resizes are written to Yjs at most once per animation frame while
 * dragging, and exactly once more on release; the undo manager folds a whole drag into one step.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type * as Y from 'yjs';
import {
  intersects,
  panBy,
  rectFromPoints,
  resizeRect,
  screenToWorld,
  zoomAt,
  type ArtifactMeta,
  type Point,
  type Rect,
  type ResizeHandle,
} from '@worktable/shared';
import { bringToFront, setRects, withFrameContents } from './tableModel.js';
import { useCanvasUi } from './uiStore.js';

type Gesture =
  | { kind: 'pan'; pointerId: number; last: Point; moved: boolean }
  | { kind: 'pinch'; pointerId: number; distance: number; mid: Point }
  | { kind: 'marquee'; pointerId: number; start: Point; end: Point; base: readonly string[] }
  | {
      kind: 'move';
      pointerId: number;
      start: Point;
      origins: Map<string, Point>;
      delta: Point;
      moved: boolean;
      clicked: string;
      shift: boolean;
    }
  | { kind: 'resize'; pointerId: number; id: string; handle: ResizeHandle; start: Point; rect: Rect; next: Rect };

/** Elements inside an artifact that take the pointer themselves (typing, clicking) instead of dragging. */
const INTERACTIVE = 'textarea, input, select, button, a, object, [contenteditable="true"], .ProseMirror, [data-no-drag]';
/** Overlays that are not part of the world. */
const OVERLAYS = '.canvas-toolbar, .zoom-controls, .minimap, .canvas-notice, .menu';
/** Screen pixels a pointer may wander before a click becomes a drag. */
const DRAG_SLOP = 3;
const DEFAULT_CAPTURE_MS = 500;

/** What the gestures need from the canvas. */
export interface GestureOptions {
  rootRef: RefObject<HTMLDivElement | null>;
  doc: Y.Doc;
  readOnly: boolean;
  artifacts: readonly ArtifactMeta[];
  undo: Y.UndoManager | null;
  /** Publishes the pointer's world position (null when it leaves). */
  onCursor(point: Point | null): void;
}

/** Handlers for the canvas root and the marquee to draw (world rect) while selecting. */
export function useGestures({ rootRef, doc, readOnly, artifacts, undo, onCursor }: GestureOptions) {
  const gesture = useRef<Gesture | null>(null);
  const frame = useRef(0);
  const space = useRef(false);
  const pointerFocus = useRef(false);
  const latest = useRef({ artifacts, undo, readOnly });
  latest.current = { artifacts, undo, readOnly };
  const [marquee, setMarquee] = useState<Rect | null>(null);
  /** Touch points on the canvas now (for pinch zoom). */
  const touches = useRef(new Map<number, Point>());
  const pinchOf = () => {
    const [a, b] = [...touches.current.values()];
    if (!a || !b) return null;
    return { distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };

  useEffect(() => {
    const editable = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, [contenteditable="true"]');
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !editable(e.target) && rootRef.current?.contains(document.activeElement)) {
        space.current = true;
        rootRef.current.classList.add('is-space-pan');
        if (!(e.target instanceof HTMLButtonElement)) e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') {
        space.current = false;
        rootRef.current?.classList.remove('is-space-pan');
      }
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      cancelAnimationFrame(frame.current);
    };
  }, [rootRef]);

  const local = useCallback(
    (event: { clientX: number; clientY: number }): Point => {
      const bounds = rootRef.current?.getBoundingClientRect();
      return { x: event.clientX - (bounds?.left ?? 0), y: event.clientY - (bounds?.top ?? 0) };
    },
    [rootRef],
  );
  const world = useCallback(
    (event: { clientX: number; clientY: number }) => screenToWorld(useCanvasUi.getState().viewport, local(event)),
    [local],
  );

  /** The rectangles a move or resize gesture leads to now. */
  const pendingRects = (g: Gesture): Map<string, Partial<Rect>> => {
    if (g.kind === 'move') {
      return new Map([...g.origins].map(([id, o]) => [id, { x: o.x + g.delta.x, y: o.y + g.delta.y }]));
    }
    if (g.kind === 'resize') return new Map([[g.id, g.next]]);
    return new Map();
  };
  const flush = () => {
    frame.current = 0;
    const g = gesture.current;
    if (g) setRects(doc, pendingRects(g));
  };
  const schedule = () => {
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };
  const beginEdit = () => {
    const manager = latest.current.undo;
    if (!manager) return;
    manager.stopCapturing();
    manager.captureTimeout = 24 * 60 * 60 * 1000;
  };
  const endEdit = () => {
    const manager = latest.current.undo;
    if (!manager) return;
    manager.captureTimeout = DEFAULT_CAPTURE_MS;
    manager.stopCapturing();
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const root = rootRef.current;
    const target = event.target as Element;
    if (!root || target.closest(OVERLAYS)) return;
    const ui = useCanvasUi.getState();
    const capture = () => root.setPointerCapture(event.pointerId);
    if (event.pointerType === 'touch') {
      touches.current.set(event.pointerId, local(event));
      const pinch = touches.current.size === 2 ? pinchOf() : null;
      if (pinch) {
        // A second finger turns whatever the first one started into a pinch (a move is undone).
        const g = gesture.current;
        if (g?.kind === 'move' && g.moved) {
          cancelAnimationFrame(frame.current);
          frame.current = 0;
          setRects(doc, new Map([...g.origins].map(([id, o]) => [id, o])));
          endEdit();
        }
        if (g?.kind === 'marquee') setMarquee(null);
        capture();
        gesture.current = { kind: 'pinch', pointerId: event.pointerId, ...pinch };
        return;
      }
    }
    if (gesture.current) return;
    if (event.button === 1 || (event.button === 0 && space.current)) {
      event.preventDefault();
      capture();
      gesture.current = { kind: 'pan', pointerId: event.pointerId, last: local(event), moved: true };
      return;
    }
    if (event.button !== 0) return;
    const frameEl = target.closest<HTMLElement>('[data-artifact-id]');
    const id = frameEl?.dataset.artifactId;
    const handle = target.closest<HTMLElement>('[data-handle]')?.dataset.handle as ResizeHandle | undefined;
    if (frameEl && id) {
      // Observers may select (to read an artifact's feedback) but never move or resize.
      if (latest.current.readOnly) {
        if (ui.selection.length !== 1 || ui.selection[0] !== id) ui.select([id]);
        return;
      }
      if (handle) {
        const meta = latest.current.artifacts.find((m) => m.id === id);
        if (!meta) return;
        event.preventDefault();
        capture();
        beginEdit();
        const rect = { x: meta.x, y: meta.y, w: meta.w, h: meta.h };
        gesture.current = { kind: 'resize', pointerId: event.pointerId, id, handle, start: world(event), rect, next: rect };
        return;
      }
      const interactive = target.closest(INTERACTIVE);
      if (event.shiftKey && !interactive) {
        event.preventDefault();
        ui.toggle(id);
        return;
      }
      const selection = ui.selection.includes(id) ? ui.selection : [id];
      if (selection !== ui.selection) ui.select(selection);
      if (interactive) return;
      event.preventDefault();
      pointerFocus.current = true;
      frameEl.focus({ preventScroll: true });
      pointerFocus.current = false;
      capture();
      // A selected frame carries along what lies entirely inside it when the drag starts.
      const moving = new Set(withFrameContents(doc, selection));
      const origins = new Map<string, Point>();
      for (const meta of latest.current.artifacts) if (moving.has(meta.id)) origins.set(meta.id, { x: meta.x, y: meta.y });
      gesture.current = {
        kind: 'move',
        pointerId: event.pointerId,
        start: world(event),
        origins,
        delta: { x: 0, y: 0 },
        moved: false,
        clicked: id,
        shift: event.shiftKey,
      };
      return;
    }
    // Empty space.
    event.preventDefault();
    root.focus({ preventScroll: true });
    capture();
    if (ui.tool === 'select' || event.shiftKey) {
      const start = world(event);
      gesture.current = { kind: 'marquee', pointerId: event.pointerId, start, end: start, base: event.shiftKey ? ui.selection : [] };
      if (!event.shiftKey) ui.select([]);
    } else {
      gesture.current = { kind: 'pan', pointerId: event.pointerId, last: local(event), moved: false };
    }
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    const point = world(event);
    if (event.pointerType === 'touch') touches.current.set(event.pointerId, local(event));
    else onCursor(point);
    if (g?.kind === 'pinch') {
      const pinch = pinchOf();
      if (!pinch || !touches.current.has(event.pointerId)) return;
      const ui = useCanvasUi.getState();
      const panned = panBy(ui.viewport, pinch.mid.x - g.mid.x, pinch.mid.y - g.mid.y);
      ui.setViewport(zoomAt(panned, pinch.mid, pinch.distance / g.distance), true);
      g.distance = pinch.distance;
      g.mid = pinch.mid;
      return;
    }
    if (!g || g.pointerId !== event.pointerId) return;
    const ui = useCanvasUi.getState();
    switch (g.kind) {
      case 'pan': {
        const now = local(event);
        const dx = now.x - g.last.x;
        const dy = now.y - g.last.y;
        if (!g.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
        g.moved = true;
        g.last = now;
        ui.setViewport(panBy(ui.viewport, dx, dy), true);
        return;
      }
      case 'marquee': {
        g.end = point;
        const area = rectFromPoints(g.start, g.end);
        const hits = latest.current.artifacts.filter((m) => intersects(m, area)).map((m) => m.id);
        ui.select([...g.base, ...hits]);
        setMarquee(area);
        return;
      }
      case 'move': {
        const delta = { x: point.x - g.start.x, y: point.y - g.start.y };
        if (!g.moved && Math.hypot(delta.x, delta.y) * ui.viewport.zoom < DRAG_SLOP) return;
        if (!g.moved) {
          beginEdit();
          // What you drag comes in front of everything: it never stays hidden behind a PDF.
          bringToFront(doc, [...g.origins.keys()]);
        }
        g.moved = true;
        g.delta = delta;
        schedule();
        return;
      }
      case 'resize':
        g.next = resizeRect(g.rect, g.handle, point.x - g.start.x, point.y - g.start.y);
        schedule();
        return;
    }
  };

  const finish = (event: ReactPointerEvent<HTMLDivElement>, cancelled: boolean) => {
    touches.current.delete(event.pointerId);
    const g = gesture.current;
    if (g?.kind === 'pinch') {
      if (touches.current.size < 2) gesture.current = null;
      return;
    }
    if (!g || g.pointerId !== event.pointerId) return;
    gesture.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const ui = useCanvasUi.getState();
    // The release point is the final one (the last pointermove may have been coalesced away).
    if (!cancelled) {
      const point = world(event);
      if (g.kind === 'move' && g.moved) g.delta = { x: point.x - g.start.x, y: point.y - g.start.y };
      if (g.kind === 'resize') g.next = resizeRect(g.rect, g.handle, point.x - g.start.x, point.y - g.start.y);
    }
    if (g.kind === 'move' || g.kind === 'resize') {
      if (g.kind === 'resize' || g.moved) {
        if (!cancelled) setRects(doc, pendingRects(g));
        endEdit();
      } else if (!g.shift && ui.selection.length > 1) ui.select([g.clicked]);
    }
    if (g.kind === 'marquee') setMarquee(null);
    if (g.kind === 'pan' && !g.moved) ui.select([]);
  };

  return {
    marquee,
    /** True while a frame receives focus because of a click (not Tab). */
    pointerFocus,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: (event: ReactPointerEvent<HTMLDivElement>) => finish(event, false),
      onPointerCancel: (event: ReactPointerEvent<HTMLDivElement>) => finish(event, true),
      onPointerLeave: () => onCursor(null),
    },
  };
}
