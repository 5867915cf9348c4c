/**
 * The body of a data-table artifact: its title and a grid of inputs, the first row holding the
 * column names. Enter moves down, Tab right (Shift for the other way), arrows move between cells
 * at the edge of the text. Buttons add and remove rows and columns while the table is selected or
 * open large; read-only viewers get the same grid without them.
 */
import { useCallback, useRef } from 'react';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import type { ArtifactBodyProps } from '../types.js';
import { TitleField } from '../document/TitleField.js';
import { GridCell, type CellMove } from './GridCell.js';
import { HEADER_ROW_ID, addColumn, addRow, removeColumn, removeRow } from './tableGridModel.js';
import { useGrid } from './useGrid.js';
import './table.css';

/** Spreadsheet-style letter of a column position (0 → A). */
function columnLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}

/** The data table, co-edited cell by cell. */
export function DataTableBody({ artifact, doc, readOnly, selected, expanded }: ArtifactBodyProps) {
  const grid = useGrid(artifact);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const showControls = !readOnly && (selected || expanded);
  const rows = [HEADER_ROW_ID, ...grid.rows];
  const { columns } = grid;

  const register = useCallback((key: string, input: HTMLInputElement | null) => {
    if (input) inputs.current.set(key, input);
    else inputs.current.delete(key);
  }, []);

  const focusCell = (rowIndex: number, columnIndex: number): boolean => {
    const rowId = rows[rowIndex];
    const columnId = columns[columnIndex];
    if (rowId === undefined || columnId === undefined) return false;
    const input = inputs.current.get(`${rowId}:${columnId}`);
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  };

  const move = (from: { rowId: string; columnId: string }, direction: CellMove): boolean => {
    const r = rows.indexOf(from.rowId);
    const c = columns.indexOf(from.columnId);
    if (r < 0 || c < 0) return false;
    switch (direction) {
      case 'up':
        return focusCell(r - 1, c);
      case 'down':
        return focusCell(r + 1, c);
      case 'left':
        return focusCell(r, c - 1);
      case 'right':
        return focusCell(r, c + 1);
      case 'next':
        return c + 1 < columns.length ? focusCell(r, c + 1) : focusCell(r + 1, 0);
      case 'previous':
        return c > 0 ? focusCell(r, c - 1) : focusCell(r - 1, columns.length - 1);
    }
  };

  const onAddRow = () => editLocally(doc, () => void addRow(artifact));
  const onAddColumn = () => editLocally(doc, () => void addColumn(artifact, undefined, columnLetter(columns.length)));

  return (
    <div className={`wt-table ${expanded ? 'is-expanded' : 'is-compact'}`}>
      <TitleField artifact={artifact} doc={doc} readOnly={readOnly} fallback="Data" label="Table title" className="wt-table-title" />
      <div className="wt-grid-scroll" data-no-drag="">
        <table className="wt-grid">
          <thead>
            <tr>
              {columns.map((columnId, c) => (
                <th key={columnId} scope="col">
                  <div className="wt-grid-head">
                    <GridCell
                      artifact={artifact}
                      rowId={HEADER_ROW_ID}
                      columnId={columnId}
                      readOnly={readOnly}
                      label={`Name of column ${c + 1}`}
                      placeholder={columnLetter(c)}
                      register={register}
                      move={move}
                      cellsVersion={grid.cellsVersion}
                    />
                    {showControls && columns.length > 1 && (
                      <button
                        type="button"
                        className="wt-grid-remove"
                        aria-label={`Remove column ${c + 1}`}
                        title="Remove column"
                        onClick={() => editLocally(doc, () => void removeColumn(artifact, columnId))}
                      >
                        ×
                      </button>
                    )}
                  </div>
                </th>
              ))}
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty header cell over the row controls, not focusable; hidden so the grid reads as its columns */}
              {showControls && <th className="wt-grid-gutter" aria-hidden="true" />}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((rowId, r) => (
              <tr key={rowId}>
                {columns.map((columnId, c) => (
                  <td key={columnId}>
                    <GridCell
                      artifact={artifact}
                      rowId={rowId}
                      columnId={columnId}
                      readOnly={readOnly}
                      label={`Row ${r + 1}, column ${c + 1}`}
                      register={register}
                      move={move}
                      cellsVersion={grid.cellsVersion}
                    />
                  </td>
                ))}
                {showControls && (
                  <td className="wt-grid-gutter">
                    {grid.rows.length > 1 && (
                      <button
                        type="button"
                        className="wt-grid-remove"
                        aria-label={`Remove row ${r + 1}`}
                        title="Remove row"
                        onClick={() => editLocally(doc, () => void removeRow(artifact, rowId))}
                      >
                        ×
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {showControls && (
        <div className="wt-grid-actions">
          <button type="button" className="wt-grid-add" onClick={onAddRow} disabled={grid.rows.length >= MAX_TABLE_ROWS}>
            + Row
          </button>
          <button type="button" className="wt-grid-add" onClick={onAddColumn} disabled={columns.length >= MAX_TABLE_COLUMNS}>
            + Column
          </button>
          <span className="wt-grid-size" aria-live="polite">
            {grid.rows.length} × {columns.length}
          </span>
        </div>
      )}
    </div>
  );
}
