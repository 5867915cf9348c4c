/** The names of a table's canvas items, for votes on them (a deleted item gets `GONE_ITEM`). */
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { getArtifact } from '../canvas/tableModel.js';
import { useArtifacts } from '../canvas/useArtifacts.js';
import { itemTitle } from './itemTitle.js';

/** `titleOf(itemId)` for the items of `doc`. */
export function useCanvasTitles(doc: Y.Doc): (itemId: string) => string {
  const metas = useArtifacts(doc);
  const byId = useMemo(() => new Map(metas.map((m) => [m.id, m])), [metas]);
  return useCallback((itemId: string) => itemTitle(getArtifact(doc, itemId), byId.get(itemId) ?? null), [doc, byId]);
}
