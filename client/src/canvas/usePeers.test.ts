import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { readPeer, readPeers, throttle } from './usePeers.js';

describe('readPeer', () => {
  it('reads cursor, editing and view, and drops what is malformed', () => {
    expect(
      readPeer(7, {
        user: { name: 'Ana', color: '#3d5a98' },
        cursor: { x: 10, y: -4 },
        editing: 'a1',
        viewport: { x: 0, y: 0, w: 800, h: 600 },
      }),
    ).toEqual({
      clientId: 7,
      name: 'Ana',
      color: '#3d5a98',
      cursor: { x: 10, y: -4 },
      editing: 'a1',
      view: { x: 0, y: 0, w: 800, h: 600 },
    });
    expect(
      readPeer(8, {
        user: { name: 'Ben', color: 'red; background:url(x)' },
        cursor: { x: 'NaN', y: 1 },
        editing: 5,
        viewport: { x: 0, y: 0, w: 0, h: 1 },
      }),
    ).toEqual({
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

describe('readPeers', () => {
  it('keeps the same list while nothing the canvas shows changed', () => {
    const local = new Awareness(new Y.Doc());
    const remote = new Awareness(new Y.Doc());
    const push = () => applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
    remote.setLocalStateField('user', { name: 'Bo', color: '#000000' });
    remote.setLocalStateField('cursor', { x: 1, y: 2 });
    push();
    const first = readPeers(local, []);
    expect(first).toHaveLength(1);
    // A caret moving in a document: not on the canvas.
    remote.setLocalStateField('docCaret', { anchor: 1, head: 1 });
    push();
    expect(readPeers(local, first)).toBe(first);
    local.setLocalStateField('cursor', { x: 5, y: 5 });
    expect(readPeers(local, first)).toBe(first);
    remote.setLocalStateField('cursor', { x: 3, y: 2 });
    push();
    const moved = readPeers(local, first);
    expect(moved).not.toBe(first);
    expect(moved[0]?.cursor).toEqual({ x: 3, y: 2 });
    remote.setLocalStateField('editing', 'a1');
    push();
    expect(readPeers(local, moved)[0]?.editing).toBe('a1');
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
