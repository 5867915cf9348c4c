/** Every harvest card of the plenary document, live. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { HarvestCard } from '@worktable/shared';
import { harvestMapOf, readHarvest } from './harvestModel.js';

const NONE: HarvestCard[] = [];

/** The cards on `doc` (none while it is null), re-read on every change. */
export function useHarvest(doc: Y.Doc | null): HarvestCard[] {
  const [cards, setCards] = useState<HarvestCard[]>(NONE);
  useEffect(() => {
    if (!doc) {
      setCards(NONE);
      return;
    }
    const map = harvestMapOf(doc);
    const read = () => setCards(readHarvest(doc));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [doc]);
  return cards;
}
