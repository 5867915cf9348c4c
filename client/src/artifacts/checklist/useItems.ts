/** React binding of a checklist's items: re-read on any change inside the list (or a new list). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { itemsOf, readItems, type ChecklistItem } from './checklistModel.js';

/** The items of a checklist, live. */
export function useItems(artifact: Y.Map<unknown>): ChecklistItem[] {
  const [items, setItems] = useState(() => readItems(artifact));
  useEffect(() => {
    const refresh = () => setItems(readItems(artifact));
    let list = itemsOf(artifact);
    list?.observeDeep(refresh);
    const onArtifact = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has(ArtifactField.Items)) return;
      list?.unobserveDeep(refresh);
      list = itemsOf(artifact);
      list?.observeDeep(refresh);
      refresh();
    };
    artifact.observe(onArtifact);
    refresh();
    return () => {
      list?.unobserveDeep(refresh);
      artifact.unobserve(onArtifact);
    };
  }, [artifact]);
  return items;
}
