/** The live region's words when the vote at your table opens, is revealed or closes (see `voteAnnouncement`). */
import { useEffect, useRef, useState } from 'react';
import type { WireVote } from '@worktable/shared';
import { voteAnnouncement } from './ballot.js';

/** One announcement; `id` grows so the same words are said again. */
export interface VoteAnnouncement {
  id: number;
  text: string;
}

/** Compares successive votes and returns the latest announcement (none for the first vote seen). */
export function useVoteAnnouncement(vote: WireVote | null): VoteAnnouncement | null {
  const previous = useRef<WireVote | null | undefined>(undefined);
  const counter = useRef(0);
  const [said, setSaid] = useState<VoteAnnouncement | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = vote;
    // The first state after loading the page is where things are, not a change.
    if (before === undefined) return;
    const text = voteAnnouncement(before, vote);
    if (text) setSaid({ id: ++counter.current, text });
  }, [vote]);
  return said;
}
