/** The dot vote at your table, from the control store: the vote, your own ballot and who may vote. */
import { useMemo } from 'react';
import type { Ballot, WireVote } from '@worktable/shared';
import { useControlStore } from '../protocol/controlConnection.js';
import { eligibleCount, myBallot } from './ballot.js';

/** What the voting UI reads. */
export interface TableVote {
  /** The vote open (or revealed) at your table, or null. */
  vote: WireVote | null;
  /** Your dots in it (empty before your first). */
  ballot: Ballot;
  /** The members of your table (who may vote). */
  members: readonly string[];
  /** How many may vote at your table: its members and anyone who voted and has since left. */
  eligible: number;
}

const NOBODY: readonly string[] = [];

/** The vote at the viewer's table. */
export function useTableVote(): TableVote {
  const vote = useControlStore((s) => s.state?.vote ?? null);
  const own = useControlStore((s) => s.ownBallot);
  const tableId = useControlStore((s) => s.state?.tableId ?? null);
  const table = useControlStore((s) => s.state?.table ?? null);
  const ballot = useMemo(() => myBallot(vote, own), [vote, own]);
  const members = table && table.id === tableId ? table.members : NOBODY;
  return { vote, ballot, members, eligible: vote ? eligibleCount(vote, members) : 0 };
}
