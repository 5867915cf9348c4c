import { describe, expect, it } from 'vitest';
import { groupByTheme, readHarvestTheme, tableNumberOf } from './harvest.js';

describe('tableNumberOf', () => {
  it('reads the number at the end of a table id or name; others sort last', () => {
    expect(tableNumberOf('table-12')).toBe(12);
    expect(tableNumberOf('Table 3 ')).toBe(3);
    expect(tableNumberOf('plenary')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('groupByTheme', () => {
  const card = (id: string, at: number) => ({
    id,
    tableId: 'table-1',
    tableName: 'Table 1',
    round: 1,
    kind: 'insight' as const,
    text: id,
    by: 'p',
    byName: 'P',
    at,
  });
  it('puts cards under their themes in the themes’ order, oldest first, and the rest last', () => {
    const themes = [
      { id: 'b', name: 'Trust', order: 2, by: 'h', at: 1 },
      { id: 'a', name: 'Time', order: 1, by: 'h', at: 2 },
    ];
    const groups = groupByTheme([card('c3', 3), card('c1', 1), card('c2', 2), card('c4', 4)], themes, {
      c3: 'a',
      c1: 'a',
      c2: 'b',
      c4: 'gone',
    });
    expect(groups.map((g) => [g.theme?.name ?? null, g.cards.map((c) => c.id)])).toEqual([
      ['Time', ['c1', 'c3']],
      ['Trust', ['c2']],
      [null, ['c4']],
    ]);
  });
  it('reads only well-formed themes', () => {
    expect(readHarvestTheme({ id: 't', name: 'Equity', order: 0, by: 'h', at: 5 })).toEqual({
      id: 't',
      name: 'Equity',
      order: 0,
      by: 'h',
      at: 5,
    });
    expect(readHarvestTheme({ id: 't', name: '  ', order: 0, by: 'h', at: 5 })).toBeNull();
    expect(readHarvestTheme({ id: 't', name: 'x', order: 'first', by: 'h', at: 5 })).toBeNull();
  });
});
