/** "Before you arrived" for the open table, from round 2 on (see `BeforeYouArrived`). */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { PLENARY_DOC, type HarvestCard } from '@worktable/shared';
import { BeforeYouArrived } from './BeforeYouArrived.js';
import { tableNameOf } from './place.js';
import { useEarlierNotes } from './useEarlierNotes.js';
import type { SessionView } from '../protocol/sessionView.js';

/** Props of `TableHistory`. */
export interface TableHistoryProps {
  state: SessionView | null;
  /** The open canvas document and its name. */
  doc: Y.Doc | null;
  docName: string;
  /** Every harvest card of the convening. */
  cards: readonly HarvestCard[];
}

/** The panel, or nothing (first round, the plenary, outside convenings). */
export function TableHistory({ state, doc, docName, cards }: TableHistoryProps) {
  const round = state?.convening ? state.round : 0;
  const atTable = docName !== PLENARY_DOC;
  const { notes, items } = useEarlierNotes(atTable ? doc : null, state?.protocolId ?? null, round, state?.agenda?.roundStartedAt ?? null);
  const earlier = useMemo(
    () => cards.filter((c) => c.tableId === docName && c.round < round).sort((a, b) => a.round - b.round || a.at - b.at),
    [cards, docName, round],
  );
  if (!state || !doc || !atTable || round <= 1) return null;
  return <BeforeYouArrived doc={doc} tableName={tableNameOf(state, docName)} notes={notes} items={items} cards={earlier} />;
}
