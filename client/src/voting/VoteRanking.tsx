/** The revealed results at your table: items from most to fewest dots, equal dots sharing a place. */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { WireVote } from '@worktable/shared';
import { getArtifact } from '../canvas/tableModel.js';
import { useArtifacts } from '../canvas/useArtifacts.js';
import { dotsLabel, rankingOf } from './ballot.js';
import { itemTitle } from './itemTitle.js';

/** Props of `VoteRanking`. */
export interface VoteRankingProps {
  vote: WireVote;
  /** The table's document (for the items' names). */
  doc: Y.Doc;
}

/** An ordered list of the results, or nothing before the reveal. */
export function VoteRanking({ vote, doc }: VoteRankingProps) {
  const metas = useArtifacts(doc);
  const ranking = useMemo(() => rankingOf(vote), [vote]);
  const byId = useMemo(() => new Map(metas.map((m) => [m.id, m])), [metas]);
  if (!ranking) return null;
  return (
    <ol className="vote-ranking" aria-label="Results, most dots first">
      {ranking.map((item) => (
        <li key={item.itemId} className={item.dots === 0 ? 'is-zero' : undefined}>
          <span className="vote-place">{item.place}</span>
          <span className="vote-ranking-title">{itemTitle(getArtifact(doc, item.itemId), byId.get(item.itemId) ?? null)}</span>
          <span className="vote-ranking-dots">{dotsLabel(item.dots)}</span>
        </li>
      ))}
    </ol>
  );
}
