/** The notes earlier rounds left on the open table, live (re-read at most once per frame). */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { artifactsOf } from '../canvas/tableModel.js';
import { earlierNotes, type EarlierNotes } from './earlierNotes.js';

const NONE: EarlierNotes[] = [];

/** Notes of rounds before `round` of `protocolId` on `doc`. */
export function useEarlierNotes(doc: Y.Doc | null, protocolId: string | null, round: number): EarlierNotes[] {
  const [notes, setNotes] = useState<EarlierNotes[]>(NONE);
  useEffect(() => {
    if (!doc || !protocolId || round <= 1) {
      setNotes(NONE);
      return;
    }
    const artifacts = artifactsOf(doc);
    let frame = 0;
    const read = () => {
      frame = 0;
      setNotes(earlierNotes(doc, protocolId, round));
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
  }, [doc, protocolId, round]);
  return notes;
}
