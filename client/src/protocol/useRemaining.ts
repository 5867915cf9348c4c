/** The time left in the current phase, re-rendered about four times a second while it counts down. */
import { useEffect, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { isCounting, remainingAt } from './clock.js';

export { formatClock, remainingAt } from './clock.js';

/** How often the countdown refreshes while running. */
export const TICK_MS = 250;

/**
 * Milliseconds left in `state`'s phase with the server clock offset `offsetMs`: ticks every
 * `TICK_MS` while the phase counts down, and not at all otherwise (paused, over, lobby, done).
 */
export function useRemaining(state: SessionState | null, offsetMs: number): number {
  const [, setTick] = useState(0);
  const counting = isCounting(state);
  useEffect(() => {
    if (!counting) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => window.clearInterval(timer);
  }, [counting]);
  // Read the clock at render, so a new state or offset shows the right time at once.
  return remainingAt(state, Date.now(), offsetMs);
}
