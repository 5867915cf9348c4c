/**
 * At most one run per interval, without delaying a lone request: the first request after a quiet
 * spell runs at once (or at the end of this turn of the event loop), later ones within
 * `intervalMs` of the last run are gathered into one run when the interval is over. The room uses
 * it for awareness and for document relays.
 */
export interface Throttle {
  /** Asks for a run; does nothing when one is already scheduled. */
  request(): void;
  /** Drops a scheduled run. */
  cancel(): void;
}

/**
 * A throttle around `run`. `intervalMs` may be a function, read at each request (an interval that
 * follows the room's size). `leading` says when a request after a quiet spell runs: `'now'`
 * (synchronously) or `'end-of-turn'` (`setImmediate`, so what the same turn adds goes along).
 */
export function throttle(intervalMs: number | (() => number), run: () => void, leading: 'now' | 'end-of-turn'): Throttle {
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  let lastRun = Number.NEGATIVE_INFINITY;
  let immediate: NodeJS.Immediate | null = null;
  let timer: NodeJS.Timeout | null = null;
  const fire = (): void => {
    immediate = null;
    timer = null;
    lastRun = performance.now();
    run();
  };
  return {
    request() {
      if (immediate || timer) return;
      const wait = lastRun + interval() - performance.now();
      if (wait > 0) timer = setTimeout(fire, wait);
      else if (leading === 'now') fire();
      else immediate = setImmediate(fire);
    },
    cancel() {
      if (immediate) clearImmediate(immediate);
      if (timer) clearTimeout(timer);
      immediate = null;
      timer = null;
    },
  };
}
