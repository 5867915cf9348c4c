import { describe, expect, it } from 'vitest';
import { formatDay } from './time.js';

describe('formatDay', () => {
  it('shows a calendar day in the local format, and leaves anything else as it is', () => {
    const expected = new Date(2030, 11, 1).toLocaleDateString([], { month: 'short', day: 'numeric', year: 'numeric' });
    expect(formatDay('2030-12-01')).toBe(expected);
    expect(formatDay('2030-12-01')).toContain('2030');
    expect(formatDay('next week')).toBe('next week');
  });
});
