/** React binding of an item's reactions: its keys, re-read when they (or the map itself) change. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { REACTIONS_FIELD, reactionsOf, readReactionKeys } from './reactionModel.js';

const NONE: readonly string[] = [];

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The item's reaction keys, live (the same array while they do not change); empty for null. */
export function useReactionKeys(item: Y.Map<unknown> | null): readonly string[] {
  const [keys, setKeys] = useState<readonly string[]>(() => readReactionKeys(item));
  useEffect(() => {
    const refresh = () => setKeys((previous) => {
      const next = readReactionKeys(item);
      return same(previous, next) ? previous : next.length === 0 ? NONE : next;
    });
    refresh();
    if (!item) return;
    // Only the reactions map and the item's own `reactions` key: typing in the item costs nothing here.
    let map = reactionsOf(item);
    map?.observe(refresh);
    const onItem = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has(REACTIONS_FIELD)) return;
      map?.unobserve(refresh);
      map = reactionsOf(item);
      map?.observe(refresh);
      refresh();
    };
    item.observe(onItem);
    return () => {
      map?.unobserve(refresh);
      item.unobserve(onItem);
    };
  }, [item]);
  return keys;
}
