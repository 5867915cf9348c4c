/**
 * Compaction's merge on a worker thread. Replaying a document's snapshot and log into a fresh
 * Y.Doc takes tens of milliseconds for a large document (50–80 ms for one of 50,000 typed
 * characters, at each of its compactions, every 1,000 updates); on the main thread that stops
 * every room of the node meanwhile. Here the relay goes on while the worker merges. Small
 * documents (a snapshot under 256 KiB: a merge of up to ≈ 20 ms) are merged in this thread, so
 * a node whose documents are all small never starts the worker nor pays its memory. The worker
 * runs the very source of `mergeWith`, with its own copy of Yjs; a merge's inputs travel in one
 * transferred buffer and its result comes back transferred. Should the worker fail or die, the
 * merges in flight are refused (compaction leaves the log intact and tries again later) and the
 * next ones run in this thread.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { mergeWith, mergeYjsDocument } from './mergeDocument.js';
import { packInto, totalBytes } from './packedBytes.js';

/** One merge: the snapshot (if `hasSnapshot`) then the updates, part `i` ending at `ends[i]` in `bytes`. */
interface MergeRequest {
  id: number;
  bytes: ArrayBuffer;
  ends: number[];
  hasSnapshot: boolean;
}

/** The worker's answer to one request. */
type MergeReply = { id: number; ok: true; merged: Uint8Array } | { id: number; ok: false; error: string };

function workerSource(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const Yjs = require(workerData.yjs);
const merge = ${mergeWith.toString()};
parentPort.on('message', ({ id, bytes, ends, hasSnapshot }) => {
  try {
    const parts = [];
    let start = 0;
    for (const end of ends) {
      parts.push(new Uint8Array(bytes, start, end - start));
      start = end;
    }
    const snapshot = hasSnapshot ? parts.shift() : null;
    const merged = merge(Yjs, snapshot, parts);
    parentPort.postMessage({ id, ok: true, merged }, [merged.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String((error && error.message) || error) });
  }
});
`;
}

/** Documents whose snapshot is smaller are merged in this thread (a few ms at most). */
export const WORKER_MIN_SNAPSHOT_BYTES = 256 * 1024;

/** Merges large documents for compaction on a worker thread, started at the first such merge. */
export class MergeWorker {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(merged: Uint8Array): void; reject(error: Error): void }>();

  /** `minSnapshotBytes`: the smallest snapshot merged on the worker (tests lower it). */
  constructor(private readonly minSnapshotBytes = WORKER_MIN_SNAPSHOT_BYTES) {}

  /** A `MergeDocument` that merges a large document on the worker (in this thread if small, or if the worker is gone). */
  readonly merge = (snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Promise<Uint8Array> => {
    const worker = (snapshot?.byteLength ?? 0) >= this.minSnapshotBytes ? this.running() : null;
    if (!worker) {
      try {
        return Promise.resolve(mergeYjsDocument(snapshot, updates));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const parts = snapshot ? [snapshot, ...updates] : updates;
    const bytes = new Uint8Array(totalBytes(parts));
    const ends = packInto(bytes, parts);
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      const request: MergeRequest = { id, bytes: bytes.buffer, ends, hasSnapshot: snapshot !== null };
      worker.postMessage(request, [bytes.buffer]);
    });
  };

  /** Whether merges run on the worker (false once it failed). */
  get onWorker(): boolean {
    return !this.broken;
  }

  /** Stops the worker; merges in flight are refused, later ones run in this thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.broken = true;
    if (worker) await worker.terminate();
  }

  private running(): Worker | null {
    if (this.broken) return null;
    if (this.worker) return this.worker;
    const yjs = createRequire(import.meta.url).resolve('yjs');
    const worker = new Worker(workerSource(), { eval: true, workerData: { yjs } });
    worker.unref();
    worker.on('message', (reply: MergeReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.merged);
      else waiter.reject(new Error(reply.error));
    });
    const fail = (error: Error): void => {
      this.broken = true;
      this.worker = null;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the compaction merge worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
