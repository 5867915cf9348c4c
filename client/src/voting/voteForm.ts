/**
 * The "Dot vote on N selected" form: its defaults, the same checks the server makes (said in
 * words that say what to do, next to the field), and the `openVote` action it sends. Pure.
 */
import { MAX_VOTE_DOTS, MAX_VOTE_ITEMS, type SessionAction } from '@worktable/shared';

/** What the form holds (numbers are NaN while a field is not a number). */
export interface VoteFormValues {
  title: string;
  dots: number;
  maxPerItem: number;
}

/** The form as it opens: 3 dots each, at most 2 on one item. */
export const DEFAULT_VOTE_FORM: VoteFormValues = { title: '', dots: 3, maxPerItem: 2 };

/** Longest title, in characters (the server keeps 120). */
export const MAX_VOTE_TITLE = 120;

/** Problems of the form by field (`items`: the selection); empty when it can be sent. */
export type VoteFormProblems = Partial<Record<'dots' | 'maxPerItem' | 'items', string>>;

const whole = (n: number) => Number.isInteger(n);

/** Checks `values` for a vote on `itemCount` selected items. */
export function voteFormProblems(values: VoteFormValues, itemCount: number): VoteFormProblems {
  const problems: VoteFormProblems = {};
  if (itemCount === 0) problems.items = 'Select at least one item on the table first (shift-click adds to the selection).';
  else if (itemCount > MAX_VOTE_ITEMS) problems.items = `Vote on at most ${MAX_VOTE_ITEMS} items at once: select fewer.`;
  const dotsOk = whole(values.dots) && values.dots >= 1 && values.dots <= MAX_VOTE_DOTS;
  if (!dotsOk) problems.dots = `Give each person a whole number of dots from 1 to ${MAX_VOTE_DOTS}.`;
  if (!whole(values.maxPerItem) || values.maxPerItem < 1 || (dotsOk && values.maxPerItem > values.dots)) {
    problems.maxPerItem = dotsOk
      ? `Choose from 1 to ${values.dots} (the dots per person).`
      : 'Choose a whole number from 1 to the dots per person.';
  }
  return problems;
}

/** The `openVote` action for `items` (the title is left to the server's "Dot vote" when empty). */
export function openVoteAction(values: VoteFormValues, items: readonly string[]): SessionAction {
  const title = values.title.trim().slice(0, MAX_VOTE_TITLE);
  return { action: 'openVote', items: [...items], dots: values.dots, maxPerItem: values.maxPerItem, ...(title ? { title } : {}) };
}
