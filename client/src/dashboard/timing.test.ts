import { describe, expect, it } from 'vitest';
import { RunStatus } from '@worktable/shared';
import { tableFixture } from './fixtures.js';
import { cardTone, isTableCounting, tableRemainingAt } from './timing.js';

describe('table card countdown', () => {
  const running = tableFixture(1, [], { status: RunStatus.Running, endsAt: 100_000, remainingMs: 90_000 });

  it('counts down from the deadline with the clock offset', () => {
    expect(isTableCounting(running)).toBe(true);
    // Local 40 s + offset 10 s = server 50 s: 50 s left.
    expect(tableRemainingAt(running, 40_000, 10_000)).toBe(50_000);
    expect(tableRemainingAt(running, 200_000, 0)).toBe(0);
  });

  it('holds the frozen time when paused, and 0 when over or done', () => {
    const paused = tableFixture(1, [], { status: RunStatus.Paused, endsAt: null, remainingMs: 42_000 });
    expect(isTableCounting(paused)).toBe(false);
    expect(tableRemainingAt(paused, 1e9, 0)).toBe(42_000);
    expect(tableRemainingAt({ ...running, over: true, endsAt: null }, 0, 0)).toBe(0);
    expect(tableRemainingAt({ ...running, status: RunStatus.Done }, 0, 0)).toBe(0);
  });

  it('is calm, amber in the last minute, up when over, idle unless running', () => {
    expect(cardTone(running, 61_000)).toBe('calm');
    expect(cardTone(running, 59_000)).toBe('last-minute');
    expect(cardTone(running, 0)).toBe('up');
    expect(cardTone({ ...running, over: true }, 0)).toBe('up');
    expect(cardTone({ ...running, status: RunStatus.Paused }, 30_000)).toBe('idle');
  });
});
