/**
 * Dot-voting at a table: the facilitator (or host) opens a vote on some items (artifact ids) with
 * N dots per person and a maximum per item; ballots stay on the server and are hidden from
 * everyone (counts of who voted only) until the facilitator reveals; closing keeps the results in
 * the record. Pure functions; the server owns the state.
 */

/** Most items one vote may cover. */
export const MAX_VOTE_ITEMS = 60;
/** Most dots per person. */
export const MAX_VOTE_DOTS = 20;

/** Where a vote is. */
export const VoteStatus = {
  Open: 'open',
  Revealed: 'revealed',
} as const;
/** One of `VoteStatus`. */
export type VoteStatus = (typeof VoteStatus)[keyof typeof VoteStatus];

/** One person's dots: item id → dots. */
export type Ballot = Record<string, number>;

/** A vote at one table, with every ballot (server only). */
export interface VoteState {
  id: number;
  title: string;
  items: string[];
  dots: number;
  maxPerItem: number;
  status: VoteStatus;
  ballots: Record<string, Ballot>;
  openedAt: number;
  revealedAt: number | null;
}

/** A closed vote as the record keeps it. */
export interface ClosedVote {
  tableId: string;
  id: number;
  title: string;
  items: string[];
  dots: number;
  maxPerItem: number;
  /** Item id → dots, every item present. */
  results: Record<string, number>;
  voters: number;
  openedAt: number;
  closedAt: number;
  /** Dots each person cast (totals only; who voted for what is not kept). */
  dotsBy: Record<string, number>;
}

/** A vote as clients see it: no ballots; results only once revealed. */
export interface WireVote {
  id: number;
  title: string;
  items: string[];
  dots: number;
  maxPerItem: number;
  status: VoteStatus;
  /** Who has cast at least one dot. */
  voters: string[];
  results: Record<string, number> | null;
}

/** What opening a vote asks for. */
export interface VoteSpec {
  title?: string;
  items: string[];
  dots: number;
  maxPerItem?: number;
}

/** A vote refused, with what to do. */
export type VoteCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/** A new open vote, or why not. */
export function openVote(spec: VoteSpec, id: number, now: number): VoteCheck<VoteState> {
  const items = [...new Set(spec.items)];
  if (items.length === 0) return { ok: false, message: 'Select at least one item to vote on.' };
  if (items.length > MAX_VOTE_ITEMS) return { ok: false, message: `Vote on at most ${MAX_VOTE_ITEMS} items at once.` };
  if (!Number.isInteger(spec.dots) || spec.dots < 1 || spec.dots > MAX_VOTE_DOTS)
    return { ok: false, message: `Give each person 1 to ${MAX_VOTE_DOTS} dots.` };
  const maxPerItem = spec.maxPerItem ?? spec.dots;
  if (!Number.isInteger(maxPerItem) || maxPerItem < 1 || maxPerItem > spec.dots)
    return { ok: false, message: 'The most dots on one item must be between 1 and the dots per person.' };
  const title = (spec.title ?? '').trim().slice(0, 120) || 'Dot vote';
  return {
    ok: true,
    value: { id, title, items, dots: spec.dots, maxPerItem, status: VoteStatus.Open, ballots: {}, openedAt: now, revealedAt: null },
  };
}

const spent = (ballot: Ballot | undefined): number => Object.values(ballot ?? {}).reduce((sum, n) => sum + n, 0);

/** Puts `count` of a person's dots on one item (replacing what they had there), or says why not. */
export function castVote(vote: VoteState, voter: string, itemId: string, count: number): VoteCheck<VoteState> {
  if (vote.status !== VoteStatus.Open) return { ok: false, message: 'Voting is closed: the results are revealed.' };
  if (!vote.items.includes(itemId)) return { ok: false, message: 'That item is not part of this vote.' };
  if (!Number.isInteger(count) || count < 0) return { ok: false, message: 'Dots must be a whole number, zero or more.' };
  if (count > vote.maxPerItem) return { ok: false, message: `At most ${vote.maxPerItem} dots on one item.` };
  const ballot = { ...(vote.ballots[voter] ?? {}) };
  if (count === 0) delete ballot[itemId];
  else ballot[itemId] = count;
  if (spent(ballot) > vote.dots) return { ok: false, message: `You have ${vote.dots} dots in all; take one from another item first.` };
  const ballots = { ...vote.ballots };
  if (Object.keys(ballot).length === 0) delete ballots[voter];
  else ballots[voter] = ballot;
  return { ok: true, value: { ...vote, ballots } };
}

/** Dots per item (every item present, zero when nobody chose it). */
export function tallyVotes(vote: Pick<VoteState, 'items' | 'ballots'>): Record<string, number> {
  const results: Record<string, number> = Object.fromEntries(vote.items.map((item) => [item, 0]));
  for (const ballot of Object.values(vote.ballots)) {
    for (const [item, count] of Object.entries(ballot)) if (item in results) results[item] = (results[item] ?? 0) + count;
  }
  return results;
}

/** Items from most to fewest dots (ties keep the vote's order). */
export function rankResults(results: Record<string, number>, items: readonly string[]): { itemId: string; dots: number }[] {
  return items
    .map((itemId, index) => ({ itemId, dots: results[itemId] ?? 0, index }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map(({ itemId, dots }) => ({ itemId, dots }));
}

/** The vote as clients see it. */
export function toWireVote(vote: VoteState): WireVote {
  return {
    id: vote.id,
    title: vote.title,
    items: vote.items,
    dots: vote.dots,
    maxPerItem: vote.maxPerItem,
    status: vote.status,
    voters: Object.keys(vote.ballots),
    results: vote.status === VoteStatus.Revealed ? tallyVotes(vote) : null,
  };
}

/** The record of a vote when it closes. */
export function closeVote(vote: VoteState, tableId: string, now: number): ClosedVote {
  return {
    tableId,
    id: vote.id,
    title: vote.title,
    items: vote.items,
    dots: vote.dots,
    maxPerItem: vote.maxPerItem,
    results: tallyVotes(vote),
    voters: Object.keys(vote.ballots).length,
    openedAt: vote.openedAt,
    closedAt: now,
    dotsBy: Object.fromEntries(Object.entries(vote.ballots).map(([voter, ballot]) => [voter, spent(ballot)])),
  };
}
