import { describe, expect, it } from 'vitest';
import { VoteStatus, castVote, closeVote, openVote, rankResults, tallyVotes, toWireVote, type VoteState } from './votes.js';

function open(spec: Parameters<typeof openVote>[0]): VoteState {
  const opened = openVote(spec, 1, 100);
  if (!opened.ok) throw new Error(opened.message);
  return opened.value;
}
function cast(vote: VoteState, voter: string, item: string, count: number): VoteState {
  const result = castVote(vote, voter, item, count);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('dot voting', () => {
  it('tallies dots per item, every item present, and ranks them (ties in the vote’s order)', () => {
    let vote = open({ items: ['a', 'b', 'c', 'd'], dots: 3, maxPerItem: 2 });
    vote = cast(vote, 'ana', 'a', 2);
    vote = cast(vote, 'ana', 'c', 1);
    vote = cast(vote, 'ben', 'c', 2);
    vote = cast(vote, 'ben', 'b', 1);
    vote = cast(vote, 'cy', 'b', 1);
    expect(tallyVotes(vote)).toEqual({ a: 2, b: 2, c: 3, d: 0 });
    expect(rankResults(tallyVotes(vote), vote.items)).toEqual([
      { itemId: 'c', dots: 3 },
      { itemId: 'a', dots: 2 },
      { itemId: 'b', dots: 2 },
      { itemId: 'd', dots: 0 },
    ]);
  });

  it('replacing and removing dots, and refusing too many in all, on one item, or on unknown items', () => {
    let vote = open({ items: ['a', 'b'], dots: 2, maxPerItem: 2 });
    vote = cast(vote, 'ana', 'a', 2);
    expect(castVote(vote, 'ana', 'b', 1)).toEqual({ ok: false, message: 'You have 2 dots in all; take one from another item first.' });
    vote = cast(vote, 'ana', 'a', 1);
    vote = cast(vote, 'ana', 'b', 1);
    expect(vote.ballots.ana).toEqual({ a: 1, b: 1 });
    expect(castVote(vote, 'ana', 'b', 3)).toMatchObject({ ok: false, message: 'At most 2 dots on one item.' });
    expect(castVote(vote, 'ana', 'zzz', 1)).toMatchObject({ ok: false });
    expect(castVote(vote, 'ana', 'a', -1)).toMatchObject({ ok: false });
    vote = cast(cast(vote, 'ana', 'a', 0), 'ana', 'b', 0);
    expect(vote.ballots).toEqual({});
  });

  it('hides everything but who voted until revealed; refuses votes after; closing keeps results and totals per person', () => {
    let vote = open({ items: ['a', 'b'], dots: 3, title: '  Which first?  ' });
    expect(vote.title).toBe('Which first?');
    vote = cast(vote, 'ana', 'a', 3);
    vote = cast(vote, 'ben', 'b', 1);
    const hidden = toWireVote(vote);
    expect(hidden).toEqual({
      id: 1,
      title: 'Which first?',
      items: ['a', 'b'],
      dots: 3,
      maxPerItem: 3,
      status: 'open',
      voters: ['ana', 'ben'],
      results: null,
    });
    expect(JSON.stringify(hidden)).not.toContain('ballots');
    const revealed = { ...vote, status: VoteStatus.Revealed };
    expect(toWireVote(revealed).results).toEqual({ a: 3, b: 1 });
    expect(castVote(revealed, 'cy', 'a', 1)).toMatchObject({ ok: false });
    expect(closeVote(revealed, 'table-2', 500)).toMatchObject({
      tableId: 'table-2',
      results: { a: 3, b: 1 },
      voters: 2,
      dotsBy: { ana: 3, ben: 1 },
      closedAt: 500,
    });
  });

  it('refuses empty votes, silly dot counts and a per-item maximum above the dots', () => {
    expect(openVote({ items: [], dots: 3 }, 1, 0).ok).toBe(false);
    expect(openVote({ items: ['a'], dots: 0 }, 1, 0).ok).toBe(false);
    expect(openVote({ items: ['a'], dots: 3, maxPerItem: 4 }, 1, 0).ok).toBe(false);
    expect(openVote({ items: ['a', 'a', 'b'], dots: 2 }, 1, 0)).toMatchObject({ ok: true, value: { items: ['a', 'b'] } });
  });
});
