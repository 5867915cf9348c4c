/** Loads one history snapshot into a document of its own, never connected to anything (read-only by construction). */
import * as Y from 'yjs';
import { historyStatePath, requestFile } from '../api.js';
import { readWithProgress, type TransferProgress } from '../transfer.js';

/** Fetches snapshot `snapshotId` and applies it to a new Y.Doc; `bytes` (from the list) sizes the progress. */
export async function loadSnapshotDoc(
  sessionId: string,
  token: string,
  snapshot: { snapshotId: number; bytes: number },
  onProgress: (progress: TransferProgress) => void,
  signal?: AbortSignal,
): Promise<Y.Doc> {
  const response = await requestFile(historyStatePath(sessionId, snapshot.snapshotId), token, signal ? { signal } : {});
  const state = await readWithProgress(response, onProgress, snapshot.bytes);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
