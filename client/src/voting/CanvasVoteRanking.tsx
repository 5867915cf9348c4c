/** The revealed results of a vote on a table's canvas items, named from the table's document. */
import type * as Y from 'yjs';
import type { WireVote } from '@worktable/shared';
import { useCanvasTitles } from './useCanvasTitles.js';
import { VoteRanking } from './VoteRanking.js';

/** Props of `CanvasVoteRanking`. */
export interface CanvasVoteRankingProps {
  vote: WireVote;
  doc: Y.Doc;
}

/** The ranking with the canvas items' names. */
export function CanvasVoteRanking({ vote, doc }: CanvasVoteRankingProps) {
  const titleOf = useCanvasTitles(doc);
  return <VoteRanking vote={vote} titleOf={titleOf} />;
}
