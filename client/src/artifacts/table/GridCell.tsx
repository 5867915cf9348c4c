/**
 * One cell of the data table (or a column name in the header row): an input bound to the cell's
 * Y.Text. A cell that does not exist yet (a row and a column added at the same time by two
 * people) is created when someone starts typing in it.
 */
import { useRef, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { editLocally } from '../../canvas/tableModel.js';
import { MAX_CELL_LENGTH, ensureCell, getCell } from './tableGridModel.js';
import { useYTextInput } from './useYText.js';

/** A move the keyboard asks for, relative to the current cell. */
export type CellMove = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous';

/** Props of `GridCell`. */
export interface GridCellProps {
  artifact: Y.Map<unknown>;
  rowId: string;
  columnId: string;
  readOnly: boolean;
  /** Accessible name, e.g. "Row 2, column B". */
  label: string;
  placeholder?: string;
  /** Registers the input so the grid can move focus to it. */
  register(key: string, input: HTMLInputElement | null): void;
  /** Asks the grid to move focus; returns whether it did. */
  move(from: { rowId: string; columnId: string }, move: CellMove): boolean;
  /** Re-read the cell when cells are created or removed. */
  cellsVersion: number;
}

function moveFor(event: KeyboardEvent<HTMLInputElement>): CellMove | null {
  const input = event.currentTarget;
  const collapsed = input.selectionStart === input.selectionEnd;
  const atStart = collapsed && input.selectionStart === 0;
  const atEnd = collapsed && input.selectionEnd === input.value.length;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'Enter':
      return event.shiftKey ? 'up' : 'down';
    case 'Tab':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowUp':
      return event.shiftKey ? null : 'up';
    case 'ArrowDown':
      return event.shiftKey ? null : 'down';
    case 'ArrowLeft':
      return atStart && !event.shiftKey ? 'left' : null;
    case 'ArrowRight':
      return atEnd && !event.shiftKey ? 'right' : null;
    default:
      return null;
  }
}

/** An input for one cell. */
export function GridCell({ artifact, rowId, columnId, readOnly, label, placeholder, register, move, cellsVersion }: GridCellProps) {
  const ref = useRef<HTMLInputElement | null>(null);
  // Read on every render: `cellsVersion` changes when the cell appears or goes.
  void cellsVersion;
  const text = getCell(artifact, rowId, columnId);
  useYTextInput(ref, text, MAX_CELL_LENGTH);
  const key = `${rowId}:${columnId}`;

  return (
    <input
      ref={(input) => {
        ref.current = input;
        register(key, input);
      }}
      className="wt-grid-input"
      aria-label={label}
      placeholder={placeholder}
      readOnly={readOnly}
      maxLength={MAX_CELL_LENGTH}
      spellCheck={false}
      autoComplete="off"
      onFocus={() => {
        if (!text && !readOnly && artifact.doc) editLocally(artifact.doc, () => ensureCell(artifact, rowId, columnId));
      }}
      onKeyDown={(event) => {
        const wanted = moveFor(event);
        if (wanted && move({ rowId, columnId }, wanted)) event.preventDefault();
      }}
    />
  );
}
