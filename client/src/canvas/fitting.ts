/** How the canvas fits content in view. */
import { boundsOf, type Rect } from '@worktable/shared';

/** Screen pixels kept free around fitted content (room for the toolbar and the zoom controls). */
export const FIT_PADDING = 80;

/** World units above each artifact taken by its label. */
const LABEL_ROOM = 28;

/** Everything on the table, with room above for the artifacts' labels. */
export function contentBounds(items: readonly Rect[]): Rect | null {
  const bounds = boundsOf(items);
  return bounds && { x: bounds.x, y: bounds.y - LABEL_ROOM, w: bounds.w, h: bounds.h + LABEL_ROOM };
}
