/**
 * Keyboard on the canvas: arrows pan (nothing selected) or nudge the selection (shift = 10×),
 * +/− zoom, 0 fits, Delete/Backspace delete, Ctrl/Cmd+Z undo, Shift+Ctrl+Z or Ctrl+Y redo,
 * Ctrl/Cmd+A selects all, Ctrl/Cmd+Shift+] and [ bring the selection to front and send it to
 * back, Escape clears the selection (or leaves a text field for its frame).
 */
import { tabBetweenItems } from './itemTabOrder.js';
import type { KeyboardEvent } from 'react';

/** What the keys do. */
export interface CanvasKeyActions {
  readOnly: boolean;
  hasSelection(): boolean;
  nudge(dx: number, dy: number): void;
  pan(dx: number, dy: number): void;
  zoom(factor: number): void;
  fit(): void;
  deleteSelection(): void;
  bringSelectionToFront(): void;
  sendSelectionToBack(): void;
  undo(): void;
  redo(): void;
  selectAll(): void;
  clearSelection(): void;
}

const ARROWS: Readonly<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
/** Screen pixels an arrow key pans. */
const PAN_STEP = 60;

/** The canvas root's keydown handler. */
export function canvasKeyHandler(actions: CanvasKeyActions) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) {
      if (key === 'Escape') {
        const frame = target.closest<HTMLElement>('[data-artifact-id]');
        if (frame) {
          event.preventDefault();
          frame.focus();
        }
      }
      return;
    }
    if (mod && !event.altKey) {
      const lower = key.toLowerCase();
      if (lower === 'z' && !actions.readOnly) {
        event.preventDefault();
        if (event.shiftKey) actions.redo();
        else actions.undo();
      } else if (lower === 'y' && !actions.readOnly) {
        event.preventDefault();
        actions.redo();
      } else if (lower === 'a' && !actions.readOnly) {
        event.preventDefault();
        actions.selectAll();
      } else if (
        event.shiftKey &&
        !actions.readOnly &&
        actions.hasSelection() &&
        (event.code === 'BracketRight' || event.code === 'BracketLeft')
      ) {
        // By key code: Shift turns "]" into "}" (and other layouts put brackets elsewhere).
        event.preventDefault();
        if (event.code === 'BracketRight') actions.bringSelectionToFront();
        else actions.sendSelectionToBack();
      }
      return;
    }
    if (key === 'Tab' && !mod && !event.altKey && !target.closest('[role="menu"], dialog')) {
      const canvas = target.closest<HTMLElement>('.canvas');
      if (canvas && tabBetweenItems(canvas, target, event.shiftKey)) event.preventDefault();
      return;
    }
    if (target.closest('button, a, [role="menu"], dialog')) return;
    const arrow = ARROWS[key];
    if (arrow) {
      event.preventDefault();
      const step = event.shiftKey ? 10 : 1;
      if (!actions.readOnly && actions.hasSelection()) actions.nudge(arrow[0] * step, arrow[1] * step);
      else actions.pan(-arrow[0] * PAN_STEP * (event.shiftKey ? 4 : 1), -arrow[1] * PAN_STEP * (event.shiftKey ? 4 : 1));
      return;
    }
    switch (key) {
      case '+':
      case '=':
        event.preventDefault();
        actions.zoom(1.25);
        return;
      case '-':
      case '_':
        event.preventDefault();
        actions.zoom(1 / 1.25);
        return;
      case '0':
        event.preventDefault();
        actions.fit();
        return;
      case 'Delete':
      case 'Backspace':
        if (actions.readOnly || !actions.hasSelection()) return;
        event.preventDefault();
        actions.deleteSelection();
        return;
      case 'Escape':
        actions.clearSelection();
        return;
    }
  };
}
