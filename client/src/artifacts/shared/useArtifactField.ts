/** Reads one plain field of an artifact's Y.Map and re-renders when it changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** The current value of `field` in `artifact` (live). */
export function useArtifactField(artifact: Y.Map<unknown>, field: string): unknown {
  const subscribe = useCallback(
    (listener: () => void) => {
      const onChange = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(field)) listener();
      };
      artifact.observe(onChange);
      return () => artifact.unobserve(onChange);
    },
    [artifact, field],
  );
  return useSyncExternalStore(subscribe, () => artifact.get(field));
}

/** A string field, or `fallback` when missing or of another type. */
export function useStringField(artifact: Y.Map<unknown>, field: string, fallback = ''): string {
  const value = useArtifactField(artifact, field);
  return typeof value === 'string' ? value : fallback;
}
