/**
 * Tab between the items on a canvas, not through them: from the canvas or an item, Tab goes to
 * the next item as people read the table (row by row, left to right — the record's order),
 * Shift+Tab to the previous one; past the last item Tab leaves the canvas, before the first it
 * returns to the canvas itself. What is inside an item (its text, its menu) is reached with
 * Enter, which opens it, or by clicking; Escape comes back out to the item.
 */
import { inReadingOrder } from '@worktable/shared';

const ITEM = '[data-artifact-id]';
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex], [contenteditable="true"]';

/** Whether an element takes part in the page's Tab order now. */
function tabbable(element: HTMLElement): boolean {
  return element.tabIndex >= 0 && !element.closest('[hidden], [inert]') && element.getClientRects().length > 0;
}

/** The items on `canvas` in reading order, as they lie on screen. */
function itemsInOrder(canvas: HTMLElement): HTMLElement[] {
  const placed = [...canvas.querySelectorAll<HTMLElement>(ITEM)].filter(tabbable).map((element, index) => {
    const box = element.getBoundingClientRect();
    return { id: String(index).padStart(6, '0'), x: box.left, y: box.top, h: box.height, createdAt: 0, element };
  });
  return inReadingOrder(placed).map((p) => p.element);
}

/** The first element after `canvas` in the page's Tab order, or null. */
function firstTabbableAfter(canvas: HTMLElement): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (canvas.contains(element) || !tabbable(element)) continue;
    if (canvas.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) return element;
  }
  return null;
}

/**
 * Handles Tab (or Shift+Tab, `back`) pressed on `from`, the canvas or something in one of its
 * items that is not a text field. Returns true when it moved the focus (prevent the default).
 */
export function tabBetweenItems(canvas: HTMLElement, from: HTMLElement, back: boolean): boolean {
  const items = itemsInOrder(canvas);
  const current = from === canvas ? null : from.closest<HTMLElement>(ITEM);
  if (!current && from !== canvas) return false;
  const at = current ? items.indexOf(current) : -1;
  if (back) {
    if (!current) return false; // from the canvas itself: on to what comes before it
    const previous = items[at - 1] ?? canvas;
    previous.focus();
    return true;
  }
  const next = items[at + 1] ?? firstTabbableAfter(canvas);
  if (!next) return false;
  next.focus();
  return true;
}
