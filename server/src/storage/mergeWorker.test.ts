import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeYjsDocument } from './mergeDocument.js';
import { MergeWorker, WORKER_MIN_SNAPSHOT_BYTES } from './mergeWorker.js';

const workers: MergeWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.close();
});

/** A merge worker that takes every merge, however small. */
function newWorker(): MergeWorker {
  const worker = new MergeWorker(0);
  workers.push(worker);
  return worker;
}

/** A document typed at scattered places: a snapshot of the first `split` changes, then the rest as a log. */
function typedDocument(changes: number, split: number): { snapshot: Uint8Array; log: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const log: Uint8Array[] = [];
  let snapshot: Uint8Array = new Uint8Array();
  doc.on('update', (update: Uint8Array) => log.push(update));
  for (let i = 0; i < changes; i++) {
    text.insert((i * 7919) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
    if (i === split) snapshot = mergeYjsDocument(null, log.splice(0));
  }
  return { snapshot, log, text: text.toString() };
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe('compaction merge worker', () => {
  it('MW1 merges a snapshot and its log like the in-thread merge, while this thread goes on', async () => {
    const { snapshot, log, text } = typedDocument(6000, 3000);
    const worker = newWorker();
    let settled = false;
    const merging = worker.merge(snapshot, log).finally(() => (settled = true));
    // The merge runs elsewhere: this thread reaches its next turn before the answer arrives (an
    // in-thread merge, even wrapped in a promise, would be done before any other callback ran).
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    const merged = await merging;
    expect(textOf(merged)).toBe(text);
    expect(textOf(merged)).toBe(textOf(mergeYjsDocument(snapshot, log)));
    expect(worker.onWorker).toBe(true);
  });

  it('MW2 merges without a snapshot, and several merges at once each get their own answer', async () => {
    const documents = [typedDocument(300, 1000), typedDocument(500, 1000), typedDocument(200, 1000)];
    const worker = newWorker();
    const merged = await Promise.all(documents.map(({ log }) => worker.merge(null, log)));
    expect(merged.map(textOf)).toEqual(documents.map(({ text }) => text));
  });

  it('MW3 refuses what Yjs cannot read, and keeps merging on the worker', async () => {
    const worker = newWorker();
    await expect(worker.merge(null, [new Uint8Array([7, 200, 200, 200, 1, 2, 3])])).rejects.toThrow();
    const { log, text } = typedDocument(50, 1000);
    expect(textOf(await worker.merge(null, log))).toBe(text);
    expect(worker.onWorker).toBe(true);
  });

  it('MW4 merges a small document in this thread, a large one on the worker', async () => {
    const worker = new MergeWorker();
    workers.push(worker);
    const small = typedDocument(300, 100);
    expect(small.snapshot.byteLength).toBeLessThan(WORKER_MIN_SNAPSHOT_BYTES);
    let settled = false;
    const merging = worker.merge(small.snapshot, small.log).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
    expect(textOf(await merging)).toBe(small.text);
    const large = new Y.Doc();
    large.getText('t').insert(0, 'x'.repeat(WORKER_MIN_SNAPSHOT_BYTES));
    const largeSnapshot = Y.encodeStateAsUpdate(large);
    const largeLog: Uint8Array[] = [];
    large.on('update', (update: Uint8Array) => largeLog.push(update));
    large.getText('t').insert(0, 'the end of a long text, at its start: ');
    settled = false;
    const mergingLarge = worker.merge(largeSnapshot, largeLog).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(textOf(await mergingLarge)).toBe(large.getText('t').toString());
  });

  it('MW5 merges in this thread once the worker is gone', async () => {
    const worker = newWorker();
    const { log, text } = typedDocument(50, 1000);
    await worker.merge(null, log);
    await worker.close();
    expect(worker.onWorker).toBe(false);
    expect(textOf(await worker.merge(null, log))).toBe(text);
  });
});
