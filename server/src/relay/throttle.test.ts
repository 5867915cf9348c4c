import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_RELAY_INTERVAL_MS, relayIntervalMs } from './room.js';
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

  it('TH3 an interval given as a function is read at each request (a room that grows waits longer)', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    let interval = 10;
    const t = throttle(() => interval, run, 'now');
    t.request();
    t.request();
    vi.advanceTimersByTime(10);
    expect(run).toHaveBeenCalledTimes(2);
    interval = 40;
    t.request();
    vi.advanceTimersByTime(39);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('TH4 a room waits 0.16 ms per connection between relays, never more than 20 ms', () => {
    expect(relayIntervalMs(1)).toBeCloseTo(0.16);
    expect(relayIntervalMs(20)).toBeCloseTo(3.2);
    expect(relayIntervalMs(100)).toBeCloseTo(16);
    expect(relayIntervalMs(200)).toBe(20);
    expect(relayIntervalMs(5000)).toBe(MAX_RELAY_INTERVAL_MS);
  });

  it('TH5 a configured longest wait caps big rooms only; 0 relays at once', () => {
    expect(relayIntervalMs(20, 16)).toBeCloseTo(3.2);
    expect(relayIntervalMs(200, 16)).toBe(16);
    expect(relayIntervalMs(200, 0)).toBe(0);
  });
});
