import { describe, expect, it } from 'vitest';
import { VoteStatus, type WireVote } from '@worktable/shared';
import {
  votingAt,
  dotControlLabel,
  dotsLeftLabel,
  eligibleCount,
  itemDots,
  myBallot,
  rankingOf,
  voteAnnouncement,
  votedLabel,
} from './ballot.js';

const vote = (overrides: Partial<WireVote> = {}): WireVote => ({
  id: 1,
  title: 'Which to work on?',
  items: ['a', 'b', 'c', 'd'],
  dots: 3,
  maxPerItem: 2,
  status: VoteStatus.Open,
  voters: [],
  results: null,
  ...overrides,
});

describe('dot voting for one person', () => {
  it('shows voting only on your own table', () => {
    expect(votingAt({ tableId: 'table-2' }, 'table-2')).toBe(true);
    expect(votingAt({ tableId: 'table-2' }, 'plenary')).toBe(false);
    expect(votingAt({ tableId: null }, 'table-1')).toBe(false);
    expect(votingAt(null, 'table-1')).toBe(false);
  });

  it('uses your ballot only for the vote it belongs to', () => {
    expect(myBallot(vote(), { voteId: 1, ballot: { a: 2 } })).toEqual({ a: 2 });
    expect(myBallot(vote({ id: 2 }), { voteId: 1, ballot: { a: 2 } })).toEqual({});
    expect(myBallot(null, { voteId: 1, ballot: { a: 2 } })).toEqual({});
    expect(myBallot(vote(), null)).toEqual({});
  });

  it('allows + until the item’s maximum or your last dot, and − while you have dots there', () => {
    expect(itemDots(vote(), {}, 'a')).toEqual({
      mine: 0,
      left: 3,
      add: { ok: true },
      remove: { ok: false, reason: 'You have no dots on this item.' },
    });
    expect(itemDots(vote(), { a: 2 }, 'a').add).toEqual({ ok: false, reason: 'At most 2 dots on one item.' });
    expect(itemDots(vote(), { a: 2, b: 1 }, 'c')).toMatchObject({
      left: 0,
      add: { ok: false, reason: 'All your 3 dots are placed: take one off another item first.' },
    });
    expect(itemDots(vote(), { a: 2, b: 1 }, 'b').remove).toEqual({ ok: true });
    const revealed = itemDots(vote({ status: VoteStatus.Revealed }), { a: 1 }, 'a');
    expect(revealed.add).toEqual({ ok: false, reason: 'Voting is over: the results are revealed.' });
    expect(revealed.remove.ok).toBe(false);
  });

  it('words the control, the dots left and who voted', () => {
    expect(dotControlLabel('Rubric', { mine: 2, left: 1 }, 3)).toBe('Your dots on Rubric: 2 here, 1 of 3 left');
    expect(dotsLeftLabel(2)).toBe('You have 2 dots left');
    expect(dotsLeftLabel(1)).toBe('You have 1 dot left');
    expect(dotsLeftLabel(0)).toBe('You have no dots left');
    expect(votedLabel(5, 7)).toBe('5 of 7 have voted');
    expect(votedLabel(1, 7)).toBe('1 of 7 has voted');
    expect(eligibleCount(vote({ voters: ['p1', 'gone'] }), ['p1', 'p2', 'p3'])).toBe(4);
  });

  it('ranks revealed results, equal dots sharing a place', () => {
    expect(rankingOf(vote())).toBeNull();
    expect(rankingOf(vote({ results: { a: 1, b: 4, c: 1, d: 0 } }))).toEqual([
      { itemId: 'b', dots: 4, place: 1 },
      { itemId: 'a', dots: 1, place: 2 },
      { itemId: 'c', dots: 1, place: 2 },
      { itemId: 'd', dots: 0, place: 4 },
    ]);
  });

  it('announces a vote opening, the reveal and the close', () => {
    expect(voteAnnouncement(null, vote())).toBe('Dot vote open: Which to work on? You have 3 dots, at most 2 on one item.');
    expect(voteAnnouncement(vote(), vote({ voters: ['p1'] }))).toBeNull();
    expect(voteAnnouncement(vote(), vote({ status: VoteStatus.Revealed, results: { a: 1 } }))).toBe('Results revealed: Which to work on?');
    expect(voteAnnouncement(null, vote({ title: 'Dot vote' }))).toMatch(/^Dot vote open: Dot vote\. You have/);
    expect(voteAnnouncement(vote(), null)).toBe('The dot vote is closed.');
    expect(voteAnnouncement(null, null)).toBeNull();
  });
});
