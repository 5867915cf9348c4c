import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPeer, throttle } from './usePeers.js';

describe('readPeer', () => {
  it('reads cursor, editing and view, and drops what is malformed', () => {
    expect(readPeer(7, { user: { name: 'Ana', color: '#3d5a98' }, cursor: { x: 10, y: -4 }, editing: 'a1', viewport: { x: 0, y: 0, w: 800, h: 600 } })).toEqual({
      clientId: 7,
      name: 'Ana',
      color: '#3d5a98',
      cursor: { x: 10, y: -4 },
      editing: 'a1',
      view: { x: 0, y: 0, w: 800, h: 600 },
    });
    expect(readPeer(8, { user: { name: 'Ben', color: 'red; background:url(x)' }, cursor: { x: 'NaN', y: 1 }, editing: 5, viewport: { x: 0, y: 0, w: 0, h: 1 } })).toEqual({
      clientId: 8,
      name: 'Ben',
      color: '#555555',
      cursor: null,
      editing: null,
      view: null,
    });
    expect(readPeer(9, { cursor: { x: 1, y: 1 } })).toBeNull();
  });
});

describe('throttle', () => {
  afterEach(() => vi.useRealTimers());
  it('calls at most once per interval with the latest arguments', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const throttled = throttle((n: number) => calls.push(n), 50);
    throttled(1);
    throttled(2);
    throttled(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(calls).toEqual([1, 3]);
    throttled(4);
    throttled.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3]);
  });
});
