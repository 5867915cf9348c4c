import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupByTheme } from '@worktable/shared';
import { addTheme, readCardThemes, readThemes, removeTheme, renameTheme, setCardTheme, themeNameProblem } from './themeModel.js';

describe('harvest themes', () => {
  it('adds, renames and removes themes; cards follow, and two people grouping different cards both win', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const time = addTheme(a, '  Time ', 'host', 1);
    const trust = addTheme(a, 'Trust', 'host', 2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setCardTheme(a, 'c1', time.id);
    setCardTheme(b, 'c2', trust.id);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readCardThemes(b)).toEqual({ c1: time.id, c2: trust.id });
    expect(readThemes(a).map((t) => t.name)).toEqual(['Time', 'Trust']);
    renameTheme(a, time.id, 'Time and pace');
    removeTheme(a, trust.id);
    expect(readThemes(a).map((t) => t.name)).toEqual(['Time and pace']);
    expect(readCardThemes(a)).toEqual({ c1: time.id });
    const card = (id: string) => ({
      id,
      tableId: 'table-1',
      tableName: 'Table 1',
      round: 1,
      kind: 'insight' as const,
      text: id,
      by: 'p',
      byName: 'P',
      at: 1,
    });
    expect(
      groupByTheme([card('c1'), card('c2')], readThemes(a), readCardThemes(a)).map((g) => [
        g.theme?.name ?? null,
        g.cards.map((c) => c.id),
      ]),
    ).toEqual([
      ['Time and pace', ['c1']],
      [null, ['c2']],
    ]);
  });
  it('refuses empty names', () => {
    expect(themeNameProblem('  ')).toBe('Name the theme first.');
    expect(themeNameProblem('Equity')).toBeNull();
  });
});
