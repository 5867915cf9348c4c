/** React binding of an item's reactions: its keys, re-read when one of them changes. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { reactionPrefix } from '@worktable/shared';
import { itemIdOf, reactionsOf, readReactionKeys } from './reactionModel.js';

const NONE: readonly string[] = [];

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The item's reaction keys, live (the same array while they do not change); empty for null. */
export function useReactionKeys(item: Y.Map<unknown> | null): readonly string[] {
  const [keys, setKeys] = useState<readonly string[]>(() => readReactionKeys(item));
  useEffect(() => {
    const refresh = () =>
      setKeys((previous) => {
        const next = readReactionKeys(item);
        return same(previous, next) ? previous : next.length === 0 ? NONE : next;
      });
    refresh();
    const map = item ? reactionsOf(item) : null;
    const id = item ? itemIdOf(item) : null;
    if (!map || !id) return;
    // Only this item's keys: reactions elsewhere on the table cost a prefix check, nothing more.
    const prefix = reactionPrefix(id);
    const onChange = (event: Y.YMapEvent<unknown>) => {
      for (const key of event.keysChanged) {
        if (key.startsWith(prefix)) {
          refresh();
          return;
        }
      }
    };
    map.observe(onChange);
    return () => map.unobserve(onChange);
  }, [item]);
  return keys;
}
