/**
 * Keys on a focused private note (not while typing in it): arrows move it (shift = 10×),
 * Delete/Backspace removes it, Ctrl/Cmd+Z undoes and Shift+Ctrl+Z or Ctrl+Y redoes your private
 * edits, Escape lets go of it. The same keys as on the table, aimed at your private document. Pure.
 */

/** What a key does to the focused private note. */
export type PrivateKeyAction =
  | { kind: 'nudge'; dx: number; dy: number }
  | { kind: 'delete' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'release' };

/** The parts of a keyboard event that matter. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The action of `press` on a focused private note, or null (the canvas handles it: zoom, fit…). */
export function privateKeyAction(press: KeyPress): PrivateKeyAction | null {
  const mod = press.ctrlKey || press.metaKey;
  if (mod) {
    if (press.altKey) return null;
    const lower = press.key.toLowerCase();
    if (lower === 'z') return { kind: press.shiftKey ? 'redo' : 'undo' };
    if (lower === 'y') return { kind: 'redo' };
    return null;
  }
  const arrow = ARROWS[press.key];
  if (arrow) {
    const step = press.shiftKey ? 10 : 1;
    return { kind: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  if (press.key === 'Delete' || press.key === 'Backspace') return { kind: 'delete' };
  if (press.key === 'Escape') return { kind: 'release' };
  return null;
}
