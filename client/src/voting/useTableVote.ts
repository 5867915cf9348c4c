/** The dot vote at your table, from the control store: the vote, your own ballot and who may vote. */
import { useMemo } from 'react';
import type { Ballot, WireVote } from '@worktable/shared';
import { useControlStore } from '../protocol/controlConnection.js';
import { myBallot } from './ballot.js';

/** What the voting UI reads. */
export interface TableVote {
  /** The vote open (or revealed) at your table, or null. */
  vote: WireVote | null;
  /** Your dots in it (empty before your first). */
  ballot: Ballot;
  /** The members of your table (who may vote). */
  members: readonly string[];
}

const NOBODY: readonly string[] = [];

/** The vote at the viewer's table. */
export function useTableVote(): TableVote {
  const vote = useControlStore((s) => s.state?.vote ?? null);
  const own = useControlStore((s) => s.ownBallot);
  const tableId = useControlStore((s) => s.state?.tableId ?? null);
  const tables = useControlStore((s) => s.state?.tables);
  const ballot = useMemo(() => myBallot(vote, own), [vote, own]);
  const members = useMemo(() => tables?.find((t) => t.id === tableId)?.members ?? NOBODY, [tables, tableId]);
  return { vote, ballot, members };
}
