import { describe, expect, it } from 'vitest';
import { diffText, mapPosition } from './textDiff.js';

function apply(text: string, splice: { index: number; remove: number; insert: string } | null): string {
  if (!splice) return text;
  return text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.remove);
}

describe('diffText', () => {
  it('finds typing, deleting and replacing as one minimal splice', () => {
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('abc', 'abXc', 3)).toEqual({ index: 2, remove: 0, insert: 'X' });
    expect(diffText('abc', 'ac', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(diffText('abcdef', 'abXYef', 4)).toEqual({ index: 2, remove: 2, insert: 'XY' });
  });

  it('uses the caret to place an insert among repeated characters', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('abcXdef', 'abcXYZdef', 6)).toEqual({ index: 4, remove: 0, insert: 'YZ' });
  });

  it('always reproduces the new text', () => {
    const cases: [string, string, number][] = [
      ['', 'hello', 5],
      ['hello', '', 0],
      ['hello world', 'hello brave world', 12],
      ['ababab', 'abab', 2],
      ['line\nline', 'line\nline\nline', 14],
    ];
    for (const [before, after, cursor] of cases) expect(apply(before, diffText(before, after, cursor))).toBe(after);
  });
});

describe('mapPosition', () => {
  it('moves the caret past remote inserts before it and keeps it for inserts at or after it', () => {
    expect(mapPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(mapPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(mapPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
  });

  it('pulls the caret left over remote deletions before it', () => {
    expect(mapPosition(5, [{ delete: 2 }])).toBe(3);
    expect(mapPosition(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(mapPosition(5, [{ retain: 1 }, { delete: 1 }, { retain: 1 }, { insert: 'xy' }])).toBe(6);
  });
});
