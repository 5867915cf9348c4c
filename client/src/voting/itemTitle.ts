/** What a voted item is called for people: its title or first words, else "Sticky note by Ana". */
import type * as Y from 'yjs';
import type { ArtifactMeta } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';
import { summaryOf } from '../canvas/describe.js';

/** Said of an item that was deleted after the vote opened. */
export const GONE_ITEM = 'An item no longer on the table';

/** The short name of an item in a vote. */
export function itemTitle(artifact: Y.Map<unknown> | null, meta: Pick<ArtifactMeta, 'kind' | 'createdByName'> | null): string {
  if (!artifact || !meta) return GONE_ITEM;
  return summaryOf(artifact) || `${viewOf(meta.kind).label} by ${meta.createdByName}`;
}
