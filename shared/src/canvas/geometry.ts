/**
 * Canvas geometry as pure functions: world ↔ screen coordinates, zoom about a point, culling to
 * the visible area, bounds and fit-to-content. World units are the document's; the viewport says
 * which world point is at the screen's top-left corner and how many screen pixels a world unit is.
 */
import { MIN_ARTIFACT_SIZE } from './schema.js';

/** A point. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle (top-left corner and size). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What part of the world is on screen: world point at the top-left, and scale (screen px per world unit). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Zoom limits. */
export const MIN_ZOOM = 0.1;
/** Zoom limits. */
export const MAX_ZOOM = 4;

/** Keeps a zoom level within the limits. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The world point under a screen point. */
export function screenToWorld(viewport: Viewport, screen: Point): Point {
  return { x: viewport.x + screen.x / viewport.zoom, y: viewport.y + screen.y / viewport.zoom };
}

/** The screen point of a world point. */
export function worldToScreen(viewport: Viewport, world: Point): Point {
  return { x: (world.x - viewport.x) * viewport.zoom, y: (world.y - viewport.y) * viewport.zoom };
}

/** Moves the view by a screen-pixel delta (dragging the canvas right shows what is to the left). */
export function panBy(viewport: Viewport, dxScreen: number, dyScreen: number): Viewport {
  return { ...viewport, x: viewport.x - dxScreen / viewport.zoom, y: viewport.y - dyScreen / viewport.zoom };
}

/** Zooms by `factor`, keeping the world point under `screen` where it is. */
export function zoomAt(viewport: Viewport, screen: Point, factor: number): Viewport {
  const zoom = clampZoom(viewport.zoom * factor);
  const anchor = screenToWorld(viewport, screen);
  return { zoom, x: anchor.x - screen.x / zoom, y: anchor.y - screen.y / zoom };
}

/** The world rectangle visible in a screen of `size`. */
export function visibleWorldRect(viewport: Viewport, size: { w: number; h: number }): Rect {
  return { x: viewport.x, y: viewport.y, w: size.w / viewport.zoom, h: size.h / viewport.zoom };
}

/** Whether two rectangles overlap (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Grows a rectangle by `margin` on every side. */
export function inflate(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, w: rect.w + 2 * margin, h: rect.h + 2 * margin };
}

/** The items that overlap `area` (culling: only these are rendered). */
export function cullToArea<T extends Rect>(items: readonly T[], area: Rect): T[] {
  return items.filter((item) => intersects(item, area));
}

/** The smallest rectangle containing all `rects`, or null for none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** The viewport that shows all of `content` centred in a screen of `size`, with `padding` screen px around it. */
export function fitToContent(content: Rect | null, size: { w: number; h: number }, padding = 48, maxZoom = 1): Viewport {
  if (!content || size.w <= 0 || size.h <= 0) return { x: 0, y: 0, zoom: 1 };
  const zoom = clampZoom(
    Math.min((size.w - 2 * padding) / Math.max(content.w, 1), (size.h - 2 * padding) / Math.max(content.h, 1), maxZoom),
  );
  return {
    zoom,
    x: content.x + content.w / 2 - size.w / (2 * zoom),
    y: content.y + content.h / 2 - size.h / (2 * zoom),
  };
}

/** The rectangle spanned by two corner points (a selection marquee). */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** The handle being dragged when resizing: a corner or an edge. */
export type ResizeHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** A rectangle resized by dragging `handle` by a world-space delta, never below the minimum size. */
export function resizeRect(rect: Rect, handle: ResizeHandle, dx: number, dy: number): Rect {
  let { x, y, w, h } = rect;
  if (handle.includes('e')) w = Math.max(MIN_ARTIFACT_SIZE.w, w + dx);
  if (handle.includes('s')) h = Math.max(MIN_ARTIFACT_SIZE.h, h + dy);
  if (handle.includes('w')) {
    const width = Math.max(MIN_ARTIFACT_SIZE.w, w - dx);
    x += w - width;
    w = width;
  }
  if (handle.includes('n')) {
    const height = Math.max(MIN_ARTIFACT_SIZE.h, h - dy);
    y += h - height;
    h = height;
  }
  return { x, y, w, h };
}

/** Where to put a new artifact of `size`: centred on the visible area, nudged so it does not exactly cover another. */
export function placementFor(size: { w: number; h: number }, visible: Rect, occupied: readonly Rect[]): Point {
  let x = Math.round(visible.x + visible.w / 2 - size.w / 2);
  let y = Math.round(visible.y + visible.h / 2 - size.h / 2);
  for (let i = 0; i < 50 && occupied.some((r) => Math.abs(r.x - x) < 8 && Math.abs(r.y - y) < 8); i++) {
    x += 24;
    y += 24;
  }
  return { x, y };
}
