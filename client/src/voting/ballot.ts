/**
 * Dot voting as one person at the table sees it, from the server's `vote` (no one's ballot but
 * their own before reveal) and their own ballot: dots left, what the − and + of an item can do,
 * the words people read and hear, and the ranking after reveal. Pure.
 */
import { rankResults, VoteStatus, type Ballot, type OwnBallot, type SessionState, type WireVote } from '@worktable/shared';

/**
 * Whether the page shows voting: you sit at a table and look at it (not at the plenary, not at a
 * table you visit); the server sends the vote of your own table only.
 */
export function votingAt(state: Pick<SessionState, 'tableId'> | null, docName: string): boolean {
  return state !== null && state.tableId !== null && state.tableId === docName;
}

/** Your ballot in `vote`: the one the server sent for this vote, else empty (a new vote). */
export function myBallot(vote: Pick<WireVote, 'id'> | null, own: OwnBallot | null): Ballot {
  return vote && own && own.voteId === vote.id ? own.ballot : {};
}

/** Dots placed on a ballot. */
export function dotsSpent(ballot: Ballot): number {
  return Object.values(ballot).reduce((sum, n) => sum + n, 0);
}

/** "1 dot", "3 dots". */
export function dotsLabel(n: number): string {
  return `${n} ${n === 1 ? 'dot' : 'dots'}`;
}

/** Your dots on one item, and what its − and + can do now (with why not, for people). */
export interface ItemDots {
  mine: number;
  /** Your dots not placed anywhere yet. */
  left: number;
  add: { ok: true } | { ok: false; reason: string };
  remove: { ok: true } | { ok: false; reason: string };
}

/** What you can do with your dots on `itemId`. */
export function itemDots(vote: Pick<WireVote, 'dots' | 'maxPerItem' | 'status'>, ballot: Ballot, itemId: string): ItemDots {
  const mine = ballot[itemId] ?? 0;
  const left = Math.max(0, vote.dots - dotsSpent(ballot));
  const closed = vote.status !== VoteStatus.Open ? 'Voting is over: the results are revealed.' : null;
  const addReason =
    closed ??
    (mine >= vote.maxPerItem
      ? `At most ${dotsLabel(vote.maxPerItem)} on one item.`
      : left === 0
        ? `All your ${dotsLabel(vote.dots)} are placed: take one off another item first.`
        : null);
  const removeReason = closed ?? (mine === 0 ? 'You have no dots on this item.' : null);
  return {
    mine,
    left,
    add: addReason ? { ok: false, reason: addReason } : { ok: true },
    remove: removeReason ? { ok: false, reason: removeReason } : { ok: true },
  };
}

/** The accessible name of an item's dot control: "Your dots on Rubric: 2 here, 1 of 3 left". */
export function dotControlLabel(title: string, dots: Pick<ItemDots, 'mine' | 'left'>, total: number): string {
  return `Your dots on ${title}: ${dots.mine} here, ${dots.left} of ${total} left`;
}

/** "You have 2 dots left", "You have no dots left". */
export function dotsLeftLabel(left: number): string {
  return left === 0 ? 'You have no dots left' : `You have ${dotsLabel(left)} left`;
}

/** How many may vote: the table's members, and anyone who voted and has since left. */
export function eligibleCount(vote: Pick<WireVote, 'voters'>, members: readonly string[]): number {
  return new Set([...members, ...vote.voters]).size;
}

/** "5 of 7 have voted", "1 of 7 has voted". */
export function votedLabel(voted: number, eligible: number): string {
  return `${voted} of ${eligible} ${voted === 1 ? 'has' : 'have'} voted`;
}

/** One item of the revealed ranking; equal dots share a place (1, 2, 2, 4). */
export interface RankedItem {
  itemId: string;
  dots: number;
  place: number;
}

/** The ranking once revealed (most dots first, ties in the vote's order), or null before. */
export function rankingOf(vote: Pick<WireVote, 'items' | 'results'>): RankedItem[] | null {
  if (!vote.results) return null;
  const ranked = rankResults(vote.results, vote.items);
  return ranked.map((item, index) => {
    const first = ranked.findIndex((other) => other.dots === item.dots);
    return { ...item, place: first === -1 ? index + 1 : first + 1 };
  });
}

/** `text` ending as a sentence (a full stop unless it ends with one, or with ? or !). */
const sentence = (text: string) => (/[.?!…]$/.test(text) ? text : `${text}.`);

/** What the live region says when the vote at your table changes, or null. */
export function voteAnnouncement(previous: WireVote | null, next: WireVote | null): string | null {
  if (!next) return previous ? 'The dot vote is closed.' : null;
  if (!previous || previous.id !== next.id) {
    return next.status === VoteStatus.Open
      ? `Dot vote open: ${sentence(next.title)} You have ${dotsLabel(next.dots)}, at most ${next.maxPerItem} on one item.`
      : null;
  }
  if (previous.status === VoteStatus.Open && next.status === VoteStatus.Revealed) return `Results revealed: ${sentence(next.title)}`;
  return null;
}
