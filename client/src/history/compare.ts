/**
 * How an artifact of a past table stands on the live table: gone, unchanged, or changed since
 * (its content, title, position or size; only the stacking order does not count).
 */
import type * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { artifactsOf, getArtifact } from '../canvas/tableModel.js';

/** Where a past artifact stands now. */
export type LiveStanding = 'gone' | 'same' | 'changed';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Uint8Array) return [...value];
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

/** An artifact's content as one comparable string (key order and `z` left out; rich text as its markup). */
export function contentOf(artifact: Y.Map<unknown>): string {
  const json = artifact.toJSON() as Record<string, unknown>;
  delete json[ArtifactField.Z];
  return JSON.stringify(stable(json));
}

/** How the artifact with `pastContent` (see `contentOf`) and `id` stands in `liveDoc`. */
export function standingOf(liveDoc: Y.Doc, id: string, pastContent: string): LiveStanding {
  const live = getArtifact(liveDoc, id);
  if (!live) return 'gone';
  return contentOf(live) === pastContent ? 'same' : 'changed';
}

/** Calls `listener` on every change of the live table's artifacts; returns the unsubscribe. */
export function watchArtifacts(liveDoc: Y.Doc, listener: () => void): () => void {
  const map = artifactsOf(liveDoc);
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}
