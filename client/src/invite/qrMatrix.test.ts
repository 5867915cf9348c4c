import { describe, expect, it } from 'vitest';
import { qrMatrixOf, qrPathOf } from './qrMatrix.js';

describe('qrMatrixOf', () => {
  it('makes a square code with the three finder patterns in the corners', () => {
    const matrix = qrMatrixOf('https://worktable.example/join/abc123?code=K7P4QX');
    const size = matrix.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0);
    for (const row of matrix) expect(row).toHaveLength(size);
    // A finder pattern: a dark 7×7 ring around a light ring around a dark 3×3 centre.
    const finderAt = (top: number, left: number) =>
      [0, 6].every((i) => matrix[top + i]![left + 3] && matrix[top + 3]![left + i]) &&
      !matrix[top + 1]![left + 1] &&
      matrix[top + 3]![left + 3];
    expect(finderAt(0, 0)).toBe(true);
    expect(finderAt(0, size - 7)).toBe(true);
    expect(finderAt(size - 7, 0)).toBe(true);
  });

  it('grows with longer text', () => {
    expect(qrMatrixOf('x'.repeat(200)).length).toBeGreaterThan(qrMatrixOf('short').length);
  });
});

describe('qrPathOf', () => {
  it('draws one rectangle per run of dark modules, shifted by the margin', () => {
    const matrix = [
      [true, true, false, true],
      [false, false, false, false],
      [false, true, true, true],
    ];
    expect(qrPathOf(matrix, 4)).toBe('M4 4h2v1h-2zM7 4h1v1h-1zM5 6h3v1h-3z');
  });

  it('draws nothing for a light matrix', () => {
    expect(qrPathOf([[false, false]], 4)).toBe('');
  });
});
