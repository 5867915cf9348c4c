/**
 * Where a new artifact goes: the visible centre if free, else the nearest free spot around it;
 * from a page with no canvas on screen (the phone layout), a free spot among the table's content;
 * and where a revealed item goes (where its author put it, else the nearest free spot). Pure.
 */
import { boundsOf, inflate, intersects, placementFor, type Point, type Rect } from './geometry.js';

/** Gap kept between a new artifact and the others, in world units. */
const GAP = 32;

/**
 * A top-left corner for an artifact of `size` that overlaps none of `occupied`: the visible
 * centre, else the nearest free spot in view, else the nearest free spot anywhere (searching rings
 * around the centre); `placementFor`'s nudge when nothing is free nearby.
 */
export function freePlacement(size: { w: number; h: number }, visible: Rect, occupied: readonly Rect[]): Point {
  const centre = placementFor(size, visible, []);
  const blocked = occupied.map((r) => inflate(r, GAP / 2));
  const free = (p: Point) => !blocked.some((r) => intersects(r, { x: p.x, y: p.y, ...size }));
  const inView = (p: Point) =>
    p.x >= visible.x && p.y >= visible.y && p.x + size.w <= visible.x + visible.w && p.y + size.h <= visible.y + visible.h;
  if (free(centre)) return centre;
  const step = 40;
  // First a free spot inside the view; failing that, the nearest free spot anywhere.
  for (const mustBeInView of [true, false]) {
    for (let ring = 1; ring <= 40; ring++) {
      for (let i = -ring; i <= ring; i++) {
        for (const [dx, dy] of [
          [i, -ring],
          [i, ring],
          [-ring, i],
          [ring, i],
        ] as const) {
          const p = { x: centre.x + dx * step, y: centre.y + dy * step };
          if ((!mustBeInView || inView(p)) && free(p)) return p;
        }
      }
    }
  }
  return placementFor(size, visible, occupied);
}

/** What a laptop's canvas shows of an empty table when it opens (the viewport at the origin, zoom 1). */
export const EMPTY_TABLE_VIEW: Rect = { x: 0, y: 0, w: 960, h: 600 };

/**
 * A top-left corner for an artifact added without a canvas on screen: a free spot inside the
 * area the table's content spans (where people's canvases open, fitted to it), else the nearest
 * free spot around it, so it hides nothing; on an empty table, where an empty table opens.
 */
export function placementAmong(size: { w: number; h: number }, occupied: readonly Rect[]): Point {
  const content = boundsOf(occupied);
  return freePlacement(size, content ? inflate(content, GAP) : EMPTY_TABLE_VIEW, occupied);
}

/** Where an item placed at `rect` can stay without covering any of `occupied`: there if free, else the nearest free spot. */
export function freeSpotNear(rect: Rect, occupied: readonly Rect[]): Point {
  return freePlacement({ w: rect.w, h: rect.h }, rect, occupied);
}
