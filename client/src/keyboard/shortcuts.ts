/**
 * The table page's keyboard shortcuts: one list (the help sheet shows it) and the matcher that
 * turns a key press into one of them. Single letters act only when no text field has the focus,
 * so typing never triggers them. Pure.
 */

/** What a shortcut does. */
export type ShortcutAction = 'help' | 'sticky' | 'document' | 'feedback' | 'board' | 'next' | 'pause' | 'mute';

/** One line of the help sheet. */
export interface Shortcut {
  keys: string;
  does: string;
  /** What the matcher returns for it (absent: handled elsewhere, listed for reference). */
  action?: ShortcutAction;
}

/** Every shortcut of the table page, in the order the help sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', does: 'Show these shortcuts', action: 'help' },
  { keys: 'N', does: 'Put a new sticky note on the table', action: 'sticky' },
  { keys: 'D', does: 'Put a new document on the table', action: 'document' },
  { keys: 'F', does: 'Write feedback on the selected item', action: 'feedback' },
  { keys: 'B', does: 'Open the feedback board: every thread on the table', action: 'board' },
  { keys: 'Alt + Shift + N', does: 'Next phase (facilitator or host)', action: 'next' },
  { keys: 'Alt + Shift + P', does: 'Pause or resume the timer (facilitator or host)', action: 'pause' },
  { keys: 'Ctrl + D (⌘ D)', does: 'Mute or unmute in the call', action: 'mute' },
  { keys: 'Tab / Shift + Tab', does: 'Move between items on the canvas' },
  { keys: 'Enter / Escape', does: 'Go into an item to edit it / come back out' },
  { keys: 'Arrow keys', does: 'Move the selected item (Shift: further), or pan the canvas' },
  { keys: '+ / − / 0', does: 'Zoom in, zoom out, fit the table' },
  { keys: 'Delete', does: 'Take the selected items off the table' },
  { keys: 'Ctrl + Shift + ] / Ctrl + Shift + [ (⌘ ⇧ ] / ⌘ ⇧ [)', does: 'Bring the selected items to front / send them to back' },
  { keys: 'Ctrl + Z / Ctrl + Shift + Z', does: 'Undo / redo your own changes' },
];

/** The parts of a key press the matcher reads. */
export interface KeyPress {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The focus is in a text field, a select or an editor. */
  typing: boolean;
}

/** The shortcut a key press means, or null (mute is the call's own Ctrl+D handler). */
export function shortcutOf(press: KeyPress): ShortcutAction | null {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = press;
  const letter = (press.code?.startsWith('Key') ? press.code.slice(3) : key).toLowerCase();
  if (altKey && shiftKey && !ctrlKey && !metaKey) {
    if (letter === 'n') return 'next';
    if (letter === 'p') return 'pause';
    return null;
  }
  if (press.typing || altKey || ctrlKey || metaKey) return null;
  if (key === '?') return 'help';
  if (shiftKey) return null;
  if (letter === 'n') return 'sticky';
  if (letter === 'd') return 'document';
  if (letter === 'f') return 'feedback';
  if (letter === 'b') return 'board';
  return null;
}
