/**
 * Each person's view of a canvas (pan and zoom), kept in this browser per document, so a reload
 * opens where they were instead of at 100 % with most of the table off screen.
 */
import { clampZoom, type Viewport } from '@worktable/shared';

const keyOf = (viewKey: string) => `worktable:view:${viewKey}`;

/** The view saved for `viewKey`, or null (none, unreadable, or storage unavailable). */
export function loadView(viewKey: string): Viewport | null {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(viewKey)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { x, y, zoom } = raw as Record<string, unknown>;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number' || ![x, y, zoom].every(Number.isFinite)) return null;
    return { x, y, zoom: clampZoom(zoom) };
  } catch {
    return null;
  }
}

/** Saves the view of `viewKey` (storage full or unavailable: the view is simply not kept). */
export function saveView(viewKey: string, view: Viewport): void {
  try {
    localStorage.setItem(keyOf(viewKey), JSON.stringify({ x: Math.round(view.x), y: Math.round(view.y), zoom: view.zoom }));
  } catch {
    // Nothing to do: a reload fits the table in view instead.
  }
}
