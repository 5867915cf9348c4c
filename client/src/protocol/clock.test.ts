import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, fractionLeft, remainingAt, spokenRemaining, timerTone } from './clock.js';
import { phaseFixture, stateFixture } from './fixtures.js';

describe('remainingAt', () => {
  it('counts down to the server deadline using the clock offset', () => {
    const state = stateFixture({ phase: phaseFixture({ endsAt: 1_300_000 }) });
    expect(remainingAt(state, 1_000_000, 0)).toBe(300_000);
    // Our clock is 2 s behind the server: server now = local + 2000.
    expect(remainingAt(state, 1_000_000, 2_000)).toBe(298_000);
    expect(remainingAt(state, 1_100_000, -500)).toBe(200_500);
  });

  it('never goes below zero', () => {
    const state = stateFixture({ phase: phaseFixture({ endsAt: 1_300_000 }) });
    expect(remainingAt(state, 1_400_000, 0)).toBe(0);
  });

  it('uses the frozen remainingMs when paused, over or in the lobby', () => {
    const paused = stateFixture({ status: 'paused', phase: phaseFixture({ endsAt: null, remainingMs: 42_000 }) });
    expect(remainingAt(paused, 9_999_999, 123)).toBe(42_000);
    const over = stateFixture({ phase: phaseFixture({ endsAt: null, remainingMs: 0, over: true }) });
    expect(remainingAt(over, 0, 0)).toBe(0);
    const lobby = stateFixture({ status: 'lobby', phase: phaseFixture({ endsAt: null, remainingMs: 300_000 }) });
    expect(remainingAt(lobby, 5, 5)).toBe(300_000);
  });

  it('is 0 without a state or a phase', () => {
    expect(remainingAt(null, 0, 0)).toBe(0);
    expect(remainingAt(stateFixture({ status: 'done', phase: null }), 0, 0)).toBe(0);
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds', () => {
    expect(formatClock(725_000)).toBe('12:05');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(60_000)).toBe('1:00');
    expect(formatClock(0)).toBe('0:00');
  });

  it('rounds up to the whole second so 0:00 means the time is really up', () => {
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1)).toBe('0:01');
  });

  it('clamps negative values at 0:00 (never "-0:03")', () => {
    expect(formatClock(-3_000)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('shows hours past an hour', () => {
    expect(formatClock(3_900_000)).toBe('1:05:00');
  });
});

describe('words and ring', () => {
  it('formats durations for announcements', () => {
    expect(formatDuration(300_000)).toBe('5 minutes');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(90_000)).toBe('1 minute 30 seconds');
    expect(formatDuration(45_000)).toBe('45 seconds');
  });

  it('labels the timer in 10-second steps', () => {
    expect(spokenRemaining(61_000)).toBe('1 minute 1 second left');
    // What the clock shows, to the second (it said "about 1 minute 20 seconds" at 1:12).
    expect(spokenRemaining(71_200)).toBe('1 minute 12 seconds left');
    expect(formatClock(71_200)).toBe('1:12');
    expect(spokenRemaining(0)).toBe('No time left');
  });

  it('computes the fraction left within 0–1', () => {
    expect(fractionLeft(150_000, 300_000)).toBe(0.5);
    expect(fractionLeft(400_000, 300_000)).toBe(1);
    expect(fractionLeft(-1, 300_000)).toBe(0);
    expect(fractionLeft(10, 0)).toBe(0);
  });

  it('turns amber in the last minute and red at zero', () => {
    expect(timerTone(61_000, false)).toBe('calm');
    expect(timerTone(60_000, false)).toBe('last-minute');
    expect(timerTone(0, false)).toBe('up');
    expect(timerTone(30_000, true)).toBe('up');
  });
});
