/**
 * One shared ticker for every card countdown on the dashboard: a single interval while anyone
 * listens, so 40 cards do not run 40 timers and all change their second together.
 */
import { useEffect } from 'react';

/** How often countdowns re-read the clock; a card re-renders only when its shown second changes. */
export const TICK_MS = 250;

const listeners = new Set<() => void>();
let timer: number | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= window.setInterval(() => {
    for (const listener of listeners) listener();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Calls `onTick` every `TICK_MS` while `active` (keep `onTick` stable, or it resubscribes). */
export function useTick(active: boolean, onTick: () => void): void {
  useEffect(() => (active ? subscribe(onTick) : undefined), [active, onTick]);
}
