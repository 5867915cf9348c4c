/** The Yjs merge used by compaction: replay a snapshot and its log into one garbage-collected state. */
import * as Y from 'yjs';

/** The part of the Yjs module the merge uses (the worker thread passes in its own copy). */
export type YjsModule = Pick<typeof Y, 'Doc' | 'applyUpdate' | 'encodeStateAsUpdate'>;

/**
 * Applies `snapshot` then `updates` to a fresh Y.Doc and encodes its full state. Self-contained
 * (it uses nothing but its arguments), so the compaction worker runs this very function's source.
 */
export function mergeWith(Yjs: YjsModule, snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Yjs.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Yjs.applyUpdate(doc, snapshot);
      for (const update of updates) Yjs.applyUpdate(doc, update);
    });
    return Yjs.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The merge in this thread (a `MergeDocument`): for reading history, tests and the worker's fallback. */
export function mergeYjsDocument(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
  return mergeWith(Y, snapshot, updates);
}
