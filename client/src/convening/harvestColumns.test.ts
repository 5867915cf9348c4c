import { describe, expect, it } from 'vitest';
import type { HarvestCard } from '@worktable/shared';
import { harvestColumns, harvestTables } from './harvestColumns.js';

const card = (id: string, table: number, round: number, at = 0): HarvestCard => ({
  id,
  tableId: `table-${table}`,
  tableName: `Table ${table}`,
  round,
  kind: 'insight',
  text: id,
  by: 'p',
  byName: 'P',
  at,
});

describe('harvestColumns', () => {
  it('makes a column per round, tables in number order, cards oldest first', () => {
    const columns = harvestColumns([card('c', 10, 1), card('a', 2, 1, 5), card('b', 2, 1, 1), card('d', 1, 2)]);
    expect(columns.map((c) => [c.round, c.count, c.groups.map((g) => [g.tableName, g.cards.map((x) => x.id)])])).toEqual([
      [
        1,
        3,
        [
          ['Table 2', ['b', 'a']],
          ['Table 10', ['c']],
        ],
      ],
      [2, 1, [['Table 1', ['d']]]],
    ]);
  });

  it('holds forty tables with several cards each', () => {
    const cards = Array.from({ length: 40 * 4 }, (_, i) => card(`k${i}`, (i % 40) + 1, 1 + (i % 2), i));
    const columns = harvestColumns(cards);
    expect(columns.map((c) => [c.groups.length, c.count])).toEqual([
      [20, 80],
      [20, 80],
    ]);
  });

  it('lists the tables that posted, in number order, once each', () => {
    expect(harvestTables([card('a', 10, 2), card('b', 2, 1), card('c', 10, 1)])).toEqual([
      { tableId: 'table-2', tableName: 'Table 2' },
      { tableId: 'table-10', tableName: 'Table 10' },
    ]);
  });
});
