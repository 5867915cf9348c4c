import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, cellKey } from '@worktable/shared';
import {
  HEADER_ROW_ID,
  addColumn,
  addRow,
  canAddColumn,
  canAddRow,
  initializeGrid,
  readCell,
  readGrid,
  readGridIds,
  readHeader,
  removeColumn,
  removeRow,
  setCell,
} from './tableGridModel.js';

function newTable(doc = new Y.Doc()): Y.Map<unknown> {
  const artifact = new Y.Map<unknown>();
  doc.getMap('artifacts').set('t1', artifact);
  initializeGrid(artifact);
  return artifact;
}

function tableIn(doc: Y.Doc): Y.Map<unknown> {
  const artifact = doc.getMap('artifacts').get('t1');
  if (!(artifact instanceof Y.Map)) throw new Error('no table');
  return artifact as Y.Map<unknown>;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('tableGridModel', () => {
  it('starts as a 3×3 grid with columns A, B, C', () => {
    const table = newTable();
    expect(readHeader(table)).toEqual(['A', 'B', 'C']);
    expect(readGrid(table)).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('initializes an artifact that is not in a document yet', () => {
    const artifact = new Y.Map<unknown>();
    initializeGrid(artifact, 2, ['x']);
    const doc = new Y.Doc();
    doc.getMap('artifacts').set('t1', artifact);
    expect(readHeader(artifact)).toEqual(['x']);
    expect(readGrid(artifact)).toEqual([[''], ['']]);
  });

  it('adds and removes rows and columns, at positions', () => {
    const table = newTable();
    const { rows, columns } = readGridIds(table);
    setCell(table, rows[0]!, columns[0]!, 'a1');
    const row = addRow(table, 0)!;
    setCell(table, row, columns[1]!, 'new');
    const column = addColumn(table, 1, 'Mid')!;
    expect(readHeader(table)).toEqual(['A', 'Mid', 'B', 'C']);
    expect(readGrid(table)[0]).toEqual(['', '', 'new', '']);
    expect(readGrid(table)[1]).toEqual(['a1', '', '', '']);
    expect(removeColumn(table, column)).toBe(true);
    expect(removeRow(table, row)).toBe(true);
    expect(removeRow(table, row)).toBe(false);
    expect(readHeader(table)).toEqual(['A', 'B', 'C']);
    expect(readGrid(table)[0]).toEqual(['a1', '', '']);
  });

  it('removing a row or a column removes its cells', () => {
    const table = newTable();
    const { rows, columns } = readGridIds(table);
    const cells = table.get(ArtifactField.Cells) as Y.Map<Y.Text>;
    const before = cells.size;
    removeRow(table, rows[1]!);
    expect(cells.size).toBe(before - 3);
    expect([...cells.keys()].some((key) => key.startsWith(`${rows[1]}:`))).toBe(false);
    removeColumn(table, columns[2]!);
    expect(cells.size).toBe(before - 3 - 3); // 2 rows + the header cell
    expect(cells.has(cellKey(HEADER_ROW_ID, columns[2]!))).toBe(false);
    expect(removeRow(table, HEADER_ROW_ID)).toBe(false);
  });

  it('enforces the row and column limits', () => {
    const table = newTable();
    while (canAddRow(table)) addRow(table);
    while (canAddColumn(table)) addColumn(table);
    expect(readGridIds(table).rows).toHaveLength(MAX_TABLE_ROWS);
    expect(readGridIds(table).columns).toHaveLength(MAX_TABLE_COLUMNS);
    expect(addRow(table)).toBeNull();
    expect(addColumn(table)).toBeNull();
  });

  it('shows no more than the limits even when the arrays hold more', () => {
    const table = newTable();
    const rowIds = table.get(ArtifactField.RowIds) as Y.Array<string>;
    rowIds.push(Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => `r${i}`));
    rowIds.push(['bad:id', HEADER_ROW_ID, 'r1']);
    expect(readGridIds(table).rows).toHaveLength(MAX_TABLE_ROWS);
    expect(readGridIds(table).rows).not.toContain('bad:id');
  });

  it('two people inserting rows and editing cells at once lose nothing', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    newTable(docA);
    sync(docA, docB);
    const a = tableIn(docA);
    const b = tableIn(docB);
    const { rows, columns } = readGridIds(a);

    // Concurrently: both insert a row at the same place and type into cells, one adds a column.
    const rowA = addRow(a, 1)!;
    setCell(a, rowA, columns[0]!, 'from A');
    setCell(a, rows[0]!, columns[0]!, 'A edits');
    const rowB = addRow(b, 1)!;
    setCell(b, rowB, columns[0]!, 'from B');
    setCell(b, rows[2]!, columns[2]!, 'B edits');
    const columnB = addColumn(b, undefined, 'D')!;
    setCell(b, rows[1]!, columnB, 'in D');
    sync(docA, docB);

    expect(readGrid(a)).toEqual(readGrid(b));
    expect(readHeader(a)).toEqual(['A', 'B', 'C', 'D']);
    const ids = readGridIds(a);
    expect(ids.rows).toHaveLength(5);
    expect(ids.rows).toEqual(expect.arrayContaining([rowA, rowB]));
    expect(readCell(a, rowA, columns[0]!)).toBe('from A');
    expect(readCell(a, rowB, columns[0]!)).toBe('from B');
    expect(readCell(b, rows[0]!, columns[0]!)).toBe('A edits');
    expect(readCell(a, rows[2]!, columns[2]!)).toBe('B edits');
    expect(readCell(a, rows[1]!, columnB)).toBe('in D');
    // A's new row meets B's new column: the cell is created on first write and syncs.
    setCell(a, rowA, columnB, 'late');
    sync(docA, docB);
    expect(readCell(b, rowA, columnB)).toBe('late');
  });

  it('concurrent typing into the same cell merges', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    newTable(docA);
    sync(docA, docB);
    const a = tableIn(docA);
    const b = tableIn(docB);
    const { rows, columns } = readGridIds(a);
    const key = cellKey(rows[0]!, columns[0]!);
    (a.get(ArtifactField.Cells) as Y.Map<Y.Text>).get(key)!.insert(0, 'hello');
    (b.get(ArtifactField.Cells) as Y.Map<Y.Text>).get(key)!.insert(0, 'world');
    sync(docA, docB);
    const merged = readCell(a, rows[0]!, columns[0]!);
    expect(merged).toBe(readCell(b, rows[0]!, columns[0]!));
    expect(merged).toHaveLength(10);
    expect(merged).toContain('hello');
    expect(merged).toContain('world');
  });

  it('one removing a row while another edits it converges', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    newTable(docA);
    sync(docA, docB);
    const a = tableIn(docA);
    const b = tableIn(docB);
    const { rows, columns } = readGridIds(a);
    removeRow(a, rows[0]!);
    setCell(b, rows[1]!, columns[0]!, 'kept');
    sync(docA, docB);
    expect(readGrid(a)).toEqual(readGrid(b));
    expect(readGrid(a)).toHaveLength(2);
    expect(readCell(a, rows[1]!, columns[0]!)).toBe('kept');
  });
});
