import { describe, expect, it } from 'vitest';
import { tableNumberOf } from './harvest.js';

describe('tableNumberOf', () => {
  it('reads the number at the end of a table id or name; others sort last', () => {
    expect(tableNumberOf('table-12')).toBe(12);
    expect(tableNumberOf('Table 3 ')).toBe(3);
    expect(tableNumberOf('plenary')).toBe(Number.MAX_SAFE_INTEGER);
  });
});
