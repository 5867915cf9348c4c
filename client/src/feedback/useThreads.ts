/** React binding of the feedback map: re-reads threads when any of them changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { FeedbackThread } from '@worktable/shared';
import { readThreads, threadsOf } from './feedbackModel.js';

/** Every well-formed thread of the table document, updated live. */
export function useThreads(doc: Y.Doc): FeedbackThread[] {
  const cache = useCallback(() => createThreadsStore(doc), [doc]);
  const store = useStore(doc, cache);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

interface ThreadsStore {
  subscribe(onChange: () => void): () => void;
  snapshot(): FeedbackThread[];
}

const stores = new WeakMap<Y.Doc, ThreadsStore>();

function useStore(doc: Y.Doc, create: () => ThreadsStore): ThreadsStore {
  let store = stores.get(doc);
  if (!store) {
    store = create();
    stores.set(doc, store);
  }
  return store;
}

function createThreadsStore(doc: Y.Doc): ThreadsStore {
  let current = readThreads(doc);
  const listeners = new Set<() => void>();
  const map = threadsOf(doc);
  const onDeep = () => {
    current = readThreads(doc);
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) {
        // Nothing observed the map while nobody listened: read what changed in the meantime.
        current = readThreads(doc);
        map.observeDeep(onDeep);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) map.unobserveDeep(onDeep);
      };
    },
    snapshot: () => current,
  };
}

/** How many feedback threads the table has (0 before the document is open), updated live. */
export function useThreadCount(doc: Y.Doc | null): number {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!doc) return () => undefined;
      const threads = threadsOf(doc);
      threads.observe(changed);
      return () => threads.unobserve(changed);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => (doc ? threadsOf(doc).size : 0));
}
