/**
 * The data-table grid as stored in an artifact's Y.Map, and every write to it.
 *
 * Layout (field names in `ArtifactField`):
 * - `rowIds` / `columnIds`: Y.Array<string> of random ids, in display order. Adding a row or column
 *   inserts a fresh id, so two people adding rows at the same time both keep theirs.
 * - `cells`: Y.Map<Y.Text> keyed `cellKey(rowId, columnId)`. The column names (the header row) are
 *   ordinary cells under the reserved row id `HEADER_ROW_ID`, which is never in `rowIds`: the header
 *   cannot be moved or removed and does not count towards `MAX_TABLE_ROWS`.
 *
 * Cells are created eagerly (a new row gets a Y.Text for every column, a new column one for every
 * row and the header), so two people typing into a fresh cell edit the same Y.Text. Only a cell
 * made by a row and a column added concurrently by two people is created lazily, on first write.
 *
 * Readers skip duplicate ids, ids containing `:` and anything past the limits, so a hostile or
 * racing client can never make the grid larger than `MAX_TABLE_ROWS` × `MAX_TABLE_COLUMNS`.
 * Writes run in one Yjs transaction each (joining the caller's transaction when there is one).
 */
import * as Y from 'yjs';
import { ArtifactField, DATA_TABLE_HEADER_ROW, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, cellKey } from '@worktable/shared';

/** Row id of the header cells (the column names). Never appears in `rowIds`. */
export const HEADER_ROW_ID = DATA_TABLE_HEADER_ROW;

/** Column names of a new table. */
export const DEFAULT_COLUMN_NAMES: readonly string[] = ['A', 'B', 'C'];
/** Data rows of a new table. */
export const DEFAULT_ROW_COUNT = 3;
/** Longest text of one cell, in characters. */
export const MAX_CELL_LENGTH = 1000;

/** The ordered, valid row and column ids of a grid. */
export interface GridIds {
  rows: string[];
  columns: string[];
}

/** The shared types of a grid. */
interface GridTypes {
  rowIds: Y.Array<string>;
  columnIds: Y.Array<string>;
  cells: Y.Map<Y.Text>;
}

/** A new random id (10 characters of [0-9a-f], never `:`, never `HEADER_ROW_ID`). */
export function newGridId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 10);
}

function gridTypes(artifact: Y.Map<unknown>): GridTypes | null {
  const rowIds = artifact.get(ArtifactField.RowIds);
  const columnIds = artifact.get(ArtifactField.ColumnIds);
  const cells = artifact.get(ArtifactField.Cells);
  if (!(rowIds instanceof Y.Array) || !(columnIds instanceof Y.Array) || !(cells instanceof Y.Map)) return null;
  return { rowIds: rowIds as Y.Array<string>, columnIds: columnIds as Y.Array<string>, cells: cells as Y.Map<Y.Text> };
}

function transact(artifact: Y.Map<unknown>, fn: () => void): void {
  if (artifact.doc) artifact.doc.transact(fn);
  else fn();
}

function validIds(values: readonly unknown[], max: number): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.size >= max) break;
    if (typeof value === 'string' && value !== '' && value !== HEADER_ROW_ID && !value.includes(':')) seen.add(value);
  }
  return [...seen];
}

/**
 * Fills a new artifact's grid fields: `rows` empty data rows and one column per name, the names
 * written into the header cells. Builds every type before attaching it, so it works whether or not
 * the artifact is already part of a document.
 */
export function initializeGrid(
  artifact: Y.Map<unknown>,
  rows = DEFAULT_ROW_COUNT,
  columnNames: readonly string[] = DEFAULT_COLUMN_NAMES,
): void {
  const rowList = Array.from({ length: Math.min(rows, MAX_TABLE_ROWS) }, newGridId);
  const columnList = columnNames.slice(0, MAX_TABLE_COLUMNS).map(() => newGridId());
  const rowIds = new Y.Array<string>();
  rowIds.push(rowList);
  const columnIds = new Y.Array<string>();
  columnIds.push(columnList);
  const cells = new Y.Map<Y.Text>();
  for (const [i, column] of columnList.entries()) cells.set(cellKey(HEADER_ROW_ID, column), new Y.Text(columnNames[i] ?? ''));
  for (const row of rowList) for (const column of columnList) cells.set(cellKey(row, column), new Y.Text());
  artifact.set(ArtifactField.RowIds, rowIds);
  artifact.set(ArtifactField.ColumnIds, columnIds);
  artifact.set(ArtifactField.Cells, cells);
}

/** The grid's valid row and column ids, in order (empty when the fields are missing). */
export function readGridIds(artifact: Y.Map<unknown>): GridIds {
  const types = gridTypes(artifact);
  if (!types) return { rows: [], columns: [] };
  return {
    rows: validIds(types.rowIds.toArray(), MAX_TABLE_ROWS),
    columns: validIds(types.columnIds.toArray(), MAX_TABLE_COLUMNS),
  };
}

/** The Y.Text of a cell (header cells: row `HEADER_ROW_ID`), or null when it does not exist yet. */
export function getCell(artifact: Y.Map<unknown>, rowId: string, columnId: string): Y.Text | null {
  const cell = gridTypes(artifact)?.cells.get(cellKey(rowId, columnId));
  return cell instanceof Y.Text ? cell : null;
}

/** The Y.Text of a cell, created (empty) when missing; null when the grid fields are missing. */
export function ensureCell(artifact: Y.Map<unknown>, rowId: string, columnId: string): Y.Text | null {
  const types = gridTypes(artifact);
  if (!types) return null;
  const key = cellKey(rowId, columnId);
  const existing = types.cells.get(key);
  if (existing instanceof Y.Text) return existing;
  const created = new Y.Text();
  transact(artifact, () => types.cells.set(key, created));
  return created;
}

/** Replaces a cell's whole text (clipped to `MAX_CELL_LENGTH`). Typing uses minimal splices instead. */
export function setCell(artifact: Y.Map<unknown>, rowId: string, columnId: string, value: string): void {
  transact(artifact, () => {
    const cell = ensureCell(artifact, rowId, columnId);
    if (!cell) return;
    const next = value.slice(0, MAX_CELL_LENGTH);
    if (cell.toString() === next) return;
    cell.delete(0, cell.length);
    cell.insert(0, next);
  });
}

/** A cell's text ('' when it does not exist). */
export function readCell(artifact: Y.Map<unknown>, rowId: string, columnId: string): string {
  return getCell(artifact, rowId, columnId)?.toString() ?? '';
}

/** Whether another row fits. */
export function canAddRow(artifact: Y.Map<unknown>): boolean {
  const types = gridTypes(artifact);
  return types !== null && readGridIds(artifact).rows.length < MAX_TABLE_ROWS;
}

/** Whether another column fits. */
export function canAddColumn(artifact: Y.Map<unknown>): boolean {
  const types = gridTypes(artifact);
  return types !== null && readGridIds(artifact).columns.length < MAX_TABLE_COLUMNS;
}

/**
 * Inserts an empty row at `index` among the rows shown (end by default), with a cell for every
 * column. Returns its id, or null at the limit or when the grid fields are missing.
 */
export function addRow(artifact: Y.Map<unknown>, index?: number): string | null {
  const types = gridTypes(artifact);
  if (!types || !canAddRow(artifact)) return null;
  const { rows, columns } = readGridIds(artifact);
  const id = newGridId();
  // Insert next to the row shown at that position, so hidden (invalid) entries do not shift it.
  const at =
    index === undefined || index >= rows.length ? types.rowIds.length : types.rowIds.toArray().indexOf(rows[Math.max(0, index)] ?? '');
  transact(artifact, () => {
    types.rowIds.insert(Math.max(0, at), [id]);
    for (const column of columns) types.cells.set(cellKey(id, column), new Y.Text());
  });
  return id;
}

/**
 * Inserts a column at `index` (end by default) named `name`, with a cell for every row. Returns
 * its id, or null at the limit or when the grid fields are missing.
 */
export function addColumn(artifact: Y.Map<unknown>, index?: number, name = ''): string | null {
  const types = gridTypes(artifact);
  if (!types || !canAddColumn(artifact)) return null;
  const { rows, columns } = readGridIds(artifact);
  const id = newGridId();
  const at =
    index === undefined || index >= columns.length
      ? types.columnIds.length
      : types.columnIds.toArray().indexOf(columns[Math.max(0, index)] ?? '');
  transact(artifact, () => {
    types.columnIds.insert(Math.max(0, at), [id]);
    types.cells.set(cellKey(HEADER_ROW_ID, id), new Y.Text(name.slice(0, MAX_CELL_LENGTH)));
    for (const row of rows) types.cells.set(cellKey(row, id), new Y.Text());
  });
  return id;
}

function removeId(list: Y.Array<string>, id: string): boolean {
  let removed = false;
  // From the end, so indexes stay valid; removes duplicates too.
  const values = list.toArray();
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] === id) {
      list.delete(i, 1);
      removed = true;
    }
  }
  return removed;
}

/** Removes a row and its cells. Returns false when it was not there. */
export function removeRow(artifact: Y.Map<unknown>, rowId: string): boolean {
  const types = gridTypes(artifact);
  if (!types || rowId === HEADER_ROW_ID) return false;
  let removed = false;
  transact(artifact, () => {
    removed = removeId(types.rowIds, rowId);
    const prefix = cellKey(rowId, '');
    for (const key of [...types.cells.keys()]) if (key.startsWith(prefix)) types.cells.delete(key);
  });
  return removed;
}

/** Removes a column, its header cell and its cells. Returns false when it was not there. */
export function removeColumn(artifact: Y.Map<unknown>, columnId: string): boolean {
  const types = gridTypes(artifact);
  if (!types) return false;
  let removed = false;
  transact(artifact, () => {
    removed = removeId(types.columnIds, columnId);
    const suffix = cellKey('', columnId);
    for (const key of [...types.cells.keys()]) if (key.endsWith(suffix)) types.cells.delete(key);
  });
  return removed;
}

/** The column names, in order. */
export function readHeader(artifact: Y.Map<unknown>): string[] {
  return readGridIds(artifact).columns.map((column) => readCell(artifact, HEADER_ROW_ID, column));
}

/** The data rows as text, row by row (without the header; see `readHeader`). */
export function readGrid(artifact: Y.Map<unknown>): string[][] {
  const { rows, columns } = readGridIds(artifact);
  return rows.map((row) => columns.map((column) => readCell(artifact, row, column)));
}
