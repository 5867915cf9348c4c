/**
 * The document of the selected stop, loaded with progress and kept while the timeline is open,
 * so moving back and forth along the timeline loads each snapshot once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { ApiRequestError, userMessage } from '../api.js';
import type { TransferProgress } from '../transfer.js';
import { loadSnapshotDoc } from './snapshotDoc.js';
import type { TimelineStop } from './stops.js';

/** The selected snapshot as it loads. */
export type SnapshotLoad =
  | { kind: 'idle' }
  | { kind: 'loading'; snapshotId: number; progress: TransferProgress }
  | { kind: 'error'; snapshotId: number; message: string }
  | { kind: 'ready'; snapshotId: number; doc: Y.Doc };

const UNREADABLE = 'This snapshot could not be read. Pick another stop, or reload the page and try again.';

/** Loads `stop`'s document (null: none selected); `retry` loads it again after an error. */
export function useSnapshotDoc(sessionId: string, token: string, stop: TimelineStop | null): { load: SnapshotLoad; retry(): void } {
  const cache = useRef(new Map<number, Y.Doc>());
  const [load, setLoad] = useState<SnapshotLoad>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const snapshotId = stop?.snapshotId ?? null;
  const bytes = stop?.bytes ?? 0;

  useEffect(() => {
    const docs = cache.current;
    return () => {
      for (const doc of docs.values()) doc.destroy();
      docs.clear();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt changing (retry) is the trigger to load again
  useEffect(() => {
    if (snapshotId === null) {
      setLoad({ kind: 'idle' });
      return;
    }
    const cached = cache.current.get(snapshotId);
    if (cached) {
      setLoad({ kind: 'ready', snapshotId, doc: cached });
      return;
    }
    const controller = new AbortController();
    setLoad({ kind: 'loading', snapshotId, progress: { received: 0, total: bytes || null } });
    loadSnapshotDoc(
      sessionId,
      token,
      { snapshotId, bytes },
      (progress) => !controller.signal.aborted && setLoad({ kind: 'loading', snapshotId, progress }),
      controller.signal,
    ).then(
      (doc) => {
        if (controller.signal.aborted) return doc.destroy();
        cache.current.set(snapshotId, doc);
        setLoad({ kind: 'ready', snapshotId, doc });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({ kind: 'error', snapshotId, message: error instanceof ApiRequestError ? userMessage(error) : UNREADABLE });
      },
    );
    return () => controller.abort();
  }, [sessionId, token, snapshotId, bytes, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
