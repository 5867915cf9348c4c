import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_FORM, openVoteAction, voteFormProblems } from './voteForm.js';

describe('the open-a-vote form', () => {
  it('accepts the defaults for a selection', () => {
    expect(voteFormProblems(DEFAULT_VOTE_FORM, 3)).toEqual({});
  });

  it('says what to do about the selection and each number', () => {
    expect(voteFormProblems(DEFAULT_VOTE_FORM, 0).items).toMatch(/^Select at least one item/);
    expect(voteFormProblems(DEFAULT_VOTE_FORM, 61).items).toBe('Vote on at most 60 items at once: select fewer.');
    expect(voteFormProblems({ ...DEFAULT_VOTE_FORM, dots: 0 }, 2).dots).toBe('Give each person a whole number of dots from 1 to 20.');
    expect(voteFormProblems({ ...DEFAULT_VOTE_FORM, dots: Number.NaN }, 2).dots).toBeDefined();
    expect(voteFormProblems({ ...DEFAULT_VOTE_FORM, dots: 2.5 }, 2).dots).toBeDefined();
    expect(voteFormProblems({ title: '', dots: 3, maxPerItem: 4 }, 2).maxPerItem).toBe('Choose from 1 to 3 (the dots per person).');
    expect(voteFormProblems({ title: '', dots: 3, maxPerItem: 0 }, 2).maxPerItem).toBeDefined();
  });

  it('sends the items, the numbers and a trimmed title, or no title', () => {
    expect(openVoteAction({ title: '  Which first? ', dots: 3, maxPerItem: 2 }, ['a', 'b'])).toEqual({
      action: 'openVote',
      items: ['a', 'b'],
      dots: 3,
      maxPerItem: 2,
      title: 'Which first?',
    });
    expect(openVoteAction({ title: ' ', dots: 5, maxPerItem: 5 }, ['a'])).toEqual({
      action: 'openVote',
      items: ['a'],
      dots: 5,
      maxPerItem: 5,
    });
  });
});
