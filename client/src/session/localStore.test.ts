import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { batchUpdates } from './localStore.js';

describe('batchUpdates', () => {
  afterEach(() => vi.useRealTimers());

  const server = { name: 'server' };
  const fromServer = (origin: unknown) => origin === server;

  it('writes a burst of updates from the server once, merged, after the delay', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const remote = new Y.Doc();
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, server));
    const writes: Uint8Array[] = [];
    batchUpdates(doc, (update) => writes.push(update), { delayMs: 200, mayWait: fromServer });
    const text = remote.getText('t');
    for (const ch of 'hello') text.insert(text.length, ch);
    expect(doc.getText('t').toString()).toBe('hello');
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(writes).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, writes[0] as Uint8Array);
    expect(copy.getText('t').toString()).toBe('hello');
  });

  it('writes a local change at once, with what from the server is pending', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const writes: Uint8Array[] = [];
    batchUpdates(doc, (update) => writes.push(update), { delayMs: 200, mayWait: fromServer });
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'abc');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), server);
    expect(writes).toHaveLength(0);
    doc.getText('t').insert(3, 'd');
    expect(writes).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, writes[0] as Uint8Array);
    expect(copy.getText('t').toString()).toBe('abcd');
    doc.getText('t').insert(4, 'e');
    expect(writes).toHaveLength(2);
  });

  it('skips updates of the ignored origin, and writes what is pending when stopped or destroyed', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const origin = {};
    const writes: Uint8Array[] = [];
    const batch = batchUpdates(doc, (update) => writes.push(update), { delayMs: 200, mayWait: fromServer, ignoreOrigin: origin });
    doc.transact(() => doc.getText('t').insert(0, 'stored'), origin);
    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(0);
    doc.transact(() => doc.getText('t').insert(0, 'new '), server);
    expect(writes).toHaveLength(0);
    batch.stop();
    expect(writes).toHaveLength(1);
    doc.getText('t').insert(0, 'after ');
    vi.advanceTimersByTime(500);
    expect(writes).toHaveLength(1);

    const other = new Y.Doc();
    const otherWrites: Uint8Array[] = [];
    batchUpdates(other, (update) => otherWrites.push(update), { delayMs: 200, mayWait: fromServer });
    other.transact(() => other.getText('t').insert(0, 'x'), server);
    other.destroy();
    expect(otherWrites).toHaveLength(1);
  });
});
