/** What earlier rounds left on the open table — notes documents and canvas items — live (re-read at most once per frame). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readArtifactMeta } from '@worktable/shared';
import { artifactsOf } from '../canvas/tableModel.js';
import { itemTitle } from '../voting/itemTitle.js';
import { earlierItems, earlierNotes, type EarlierItem, type EarlierNotes } from './earlierNotes.js';

/** The notes and the items of earlier rounds. */
export interface EarlierWork {
  notes: EarlierNotes[];
  items: EarlierItem[];
}

const NONE: EarlierWork = { notes: [], items: [] };
const describe = (artifact: Y.Map<unknown>) => itemTitle(artifact, readArtifactMeta(artifact));

/** Notes of rounds before `round` of `protocolId` on `doc`, and the items made before this round started (`startedAt`). */
export function useEarlierNotes(doc: Y.Doc | null, protocolId: string | null, round: number, startedAt: number | null): EarlierWork {
  const [work, setWork] = useState<EarlierWork>(NONE);
  useEffect(() => {
    if (!doc || !protocolId || round <= 1) {
      setWork(NONE);
      return;
    }
    const artifacts = artifactsOf(doc);
    let frame = 0;
    const read = () => {
      frame = 0;
      setWork({ notes: earlierNotes(doc, protocolId, round), items: startedAt === null ? [] : earlierItems(doc, startedAt, describe) });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    artifacts.observeDeep(schedule);
    return () => {
      artifacts.unobserveDeep(schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [doc, protocolId, round, startedAt]);
  return work;
}
