/**
 * This browser's copy of a document in IndexedDB (y-indexeddb), with other people's changes
 * written in short batches.
 *
 * y-indexeddb writes every update of the document in its own IndexedDB transaction: in a
 * document where several people type, that is dozens of transactions a second on the page's main
 * thread (about 0.7 ms each in Chromium, a few percent of the main thread while five people type).
 * Here the updates that came from the server are gathered for a short while (`WRITE_DELAY_MS`)
 * and written merged, as one record, through y-indexeddb's own writer (so its compaction still
 * runs).
 *
 * Offline tolerance stays: a change made here is written at once, as before (together with
 * whatever from the server is pending, so it never lands without what it builds on). What waits
 * came from the server, which keeps it; it is also written when the page is hidden or closed
 * (`visibilitychange`, `pagehide`), when the copy is closed and when the document is destroyed.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** How long updates from the server are gathered before they are written (ms). */
export const WRITE_DELAY_MS = 200;

/** A batch of updates waiting to be written. */
export interface UpdateBatch {
  /** Writes what is pending now. */
  flush(): void;
  /** Writes what is pending and stops listening. */
  stop(): void;
}

/** How `batchUpdates` treats updates, by their transaction origin. */
export interface BatchOptions {
  delayMs: number;
  /** Updates that may wait (those from the server); all others are written at once, with what is pending. */
  mayWait(origin: unknown): boolean;
  /** Updates not to write at all (those read from the store itself). */
  ignoreOrigin?: unknown;
}

/**
 * Hands `doc`'s updates to `write`, merged: those that may wait `delayMs` after the first one of a
 * burst (or when the page is hidden or closed), any other at once together with what is pending.
 */
export function batchUpdates(
  doc: Y.Doc,
  write: (update: Uint8Array) => void,
  { delayMs, mayWait, ignoreOrigin }: BatchOptions,
): UpdateBatch {
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending);
    pending = [];
    write(update);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (ignoreOrigin !== undefined && origin === ignoreOrigin) return;
    pending.push(update);
    if (mayWait(origin)) timer ??= setTimeout(flush, delayMs);
    else flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const page = typeof window !== 'undefined' && typeof document !== 'undefined';
  doc.on('update', onUpdate);
  if (page) {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    flush();
    doc.off('update', onUpdate);
    doc.off('destroy', stop);
    if (page) {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
  doc.on('destroy', stop);
  return { flush, stop };
}

/** A document's copy in this browser. */
export interface LocalStore {
  /** Resolves once the stored copy has been loaded into the document. */
  whenSynced: Promise<unknown>;
  /** Writes what is pending and closes the database (the copy stays). */
  close(): void;
}

/** Keeps `doc` in the IndexedDB database `name`: loads what is stored there, and stores every change (batched). */
export function openLocalStore(name: string, doc: Y.Doc): LocalStore {
  const persistence = new IndexeddbPersistence(name, doc);
  // Replace y-indexeddb's write-per-update listener by the batch (which writes through it).
  doc.off('update', persistence._storeUpdate);
  const batch = batchUpdates(doc, (update) => persistence._storeUpdate(update, null), {
    delayMs: WRITE_DELAY_MS,
    // y-websocket applies what the server sends with the provider as the origin.
    mayWait: (origin) => origin instanceof WebsocketProvider,
    ignoreOrigin: persistence,
  });
  return {
    whenSynced: persistence.whenSynced,
    close() {
      batch.stop();
      void persistence.destroy();
    },
  };
}
