/**
 * The order a record lists, and the keyboard visits, what lies on a canvas: as people read it, top to bottom in rows, and
 * left to right within a row. An item belongs to the current row when its top is above the middle
 * of the row's first item; otherwise it starts the next row. Ties fall to creation time, then id,
 * so the same canvas always lists the same way.
 */

/** What ordering needs of an item: where it lies and when it was made. */
export interface Placed {
  id: string;
  x: number;
  y: number;
  h: number;
  createdAt: number;
}

/** The items in reading order (a new array). */
export function inReadingOrder<T extends Placed>(items: readonly T[]): T[] {
  const byTop = [...items].sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const rows: T[][] = [];
  let rowMiddle = Number.NEGATIVE_INFINITY;
  for (const item of byTop) {
    const row = rows.at(-1);
    if (row && item.y < rowMiddle) row.push(item);
    else {
      rows.push([item]);
      rowMiddle = item.y + Math.max(item.h, 1) / 2;
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y || a.createdAt - b.createdAt || a.id.localeCompare(b.id)));
}

/** How the record explains this order to its reader. */
export const READING_ORDER_NOTE = 'Items on each canvas are listed as they lie on it: row by row from the top, left to right within a row.';
