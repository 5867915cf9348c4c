import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  it('TH1 runs a lone request at once, gathers later ones into one run per interval, and cancel drops a scheduled run', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const t = throttle(50, run, 'now');
    t.request();
    expect(run).toHaveBeenCalledTimes(1);
    t.request();
    t.request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(2);
    t.request();
    t.cancel();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('TH2 end-of-turn: a lone request runs after the current turn, once for everything asked in it', async () => {
    const run = vi.fn();
    const t = throttle(16, run, 'end-of-turn');
    t.request();
    t.request();
    expect(run).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
