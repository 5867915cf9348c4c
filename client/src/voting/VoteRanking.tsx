/** The revealed results of a vote: items from most to fewest dots, equal dots sharing a place. */
import { useMemo } from 'react';
import type { WireVote } from '@worktable/shared';
import { dotsLabel, rankingOf } from './ballot.js';

/** Props of `VoteRanking`. */
export interface VoteRankingProps {
  vote: WireVote;
  /** What each voted item is called (a canvas item's title, a harvest theme's name…). */
  titleOf(itemId: string): string;
}

/** An ordered list of the results, or nothing before the reveal. */
export function VoteRanking({ vote, titleOf }: VoteRankingProps) {
  const ranking = useMemo(() => rankingOf(vote), [vote]);
  if (!ranking) return null;
  return (
    <ol className="vote-ranking" aria-label="Results, most dots first">
      {ranking.map((item) => (
        <li key={item.itemId} className={item.dots === 0 ? 'is-zero' : undefined}>
          <span className="vote-place">{item.place}</span>
          <span className="vote-ranking-title">{titleOf(item.itemId)}</span>
          <span className="vote-ranking-dots">{dotsLabel(item.dots)}</span>
        </li>
      ))}
    </ol>
  );
}
