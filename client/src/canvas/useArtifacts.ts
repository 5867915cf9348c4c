/**
 * The artifacts of a table document as sorted `ArtifactMeta[]`, re-read at most once per
 * animation frame however many changes arrive. Unchanged artifacts keep their object identity,
 * so memoised frames do not re-render.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ArtifactMeta } from '@worktable/shared';
import { artifactsOf, readArtifacts } from './tableModel.js';

function sameMeta(a: ArtifactMeta, b: ArtifactMeta): boolean {
  return (Object.keys(a) as (keyof ArtifactMeta)[]).every((key) => a[key] === b[key]);
}

/** A subscribable, frame-batched reader of a document's artifacts. */
export function artifactStore(doc: Y.Doc): { subscribe(listener: () => void): () => void; getSnapshot(): ArtifactMeta[] } {
  let snapshot: ArtifactMeta[] = readArtifacts(doc);
  const refresh = () => {
    const previous = new Map(snapshot.map((m) => [m.id, m]));
    const next = readArtifacts(doc).map((m) => {
      const old = previous.get(m.id);
      return old && sameMeta(old, m) ? old : m;
    });
    const changed = next.length !== snapshot.length || next.some((m, i) => m !== snapshot[i]);
    if (changed) snapshot = next;
    return changed;
  };
  return {
    subscribe(listener) {
      let frame = 0;
      const onChange = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (refresh()) listener();
        });
      };
      const map = artifactsOf(doc);
      map.observeDeep(onChange);
      if (refresh()) listener();
      return () => {
        map.unobserveDeep(onChange);
        if (frame) cancelAnimationFrame(frame);
      };
    },
    getSnapshot: () => snapshot,
  };
}

/** The artifacts of `doc`, back to front. */
export function useArtifacts(doc: Y.Doc): ArtifactMeta[] {
  const store = useMemo(() => artifactStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
