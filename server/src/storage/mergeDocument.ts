/** The Yjs merge used by compaction: replay a snapshot and its log into one garbage-collected state. */
import * as Y from 'yjs';
import type { MergeDocument } from './port.js';

/** Applies `snapshot` then `updates` to a fresh Y.Doc and encodes its full state. */
export const mergeYjsDocument: MergeDocument = (snapshot, updates) => {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};
