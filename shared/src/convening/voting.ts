/**
 * Dot-vote actions on the session control: open, cast, reveal and close a vote at one table, or in
 * the plenary (`PLENARY_RUN`) on harvest cards or themes. The table's facilitator or the host runs
 * a table's vote, the host the plenary's; people seated at the table vote, everyone in the plenary.
 */
import { canControl, type Actor } from '../protocols/control.js';
import { VoteStatus, castVote, closeVote, openVote, type Ballot } from '../record/votes.js';
import { BlockKind, PLENARY_RUN } from './agenda.js';
import { currentBlock } from './position.js';
import type { SessionControl } from './sessionTypes.js';

/** Vote actions (the `control` payload), each optionally aimed at a table by the host. */
export type VoteAction =
  | { action: 'openVote'; items: string[]; dots: number; maxPerItem?: number; title?: string; tableId?: string }
  | { action: 'vote'; itemId: string; count: number; tableId?: string }
  | { action: 'revealVote'; tableId?: string }
  | { action: 'closeVote'; tableId?: string };

const VOTE_ACTIONS: ReadonlySet<string> = new Set(['openVote', 'vote', 'revealVote', 'closeVote']);

/** Whether an action is a vote action. */
export function isVoteAction(action: { action: string }): action is VoteAction {
  return VOTE_ACTIONS.has(action.action);
}

/** The outcome of a vote action. */
export type VoteActionResult =
  | { ok: true; control: SessionControl }
  | { ok: false; error: { code: 'forbidden' | 'bad_request' | 'conflict'; message: string } };

/**
 * Applies a vote action at `tableId` (already resolved: the actor's table, or the host's choice).
 * `seated` says whether the actor sits at that table. No version bump (the caller does it).
 */
export function applyVoteAction(
  control: SessionControl,
  action: VoteAction,
  actor: Actor,
  tableId: string,
  seated: boolean,
  now: number,
): VoteActionResult {
  const run = control.runs[tableId];
  if (!run) return { ok: false, error: { code: 'bad_request', message: `There is no table ${tableId}.` } };
  const current = control.votes[tableId];
  const withVote = (vote: SessionControl['votes'][string] | undefined): SessionControl => {
    const votes = { ...control.votes };
    if (vote) votes[tableId] = vote;
    else delete votes[tableId];
    return { ...control, votes };
  };
  if (action.action === 'vote') {
    if (!seated) return { ok: false, error: { code: 'forbidden', message: 'Only people at this table vote here.' } };
    if (!current) return { ok: false, error: { code: 'conflict', message: 'No vote is open at your table.' } };
    const cast = castVote(current, actor.participantId, action.itemId, action.count);
    return cast.ok ? { ok: true, control: withVote(cast.value) } : { ok: false, error: { code: 'conflict', message: cast.message } };
  }
  if (!canControl(run, actor)) return { ok: false, error: { code: 'forbidden', message: 'Only the facilitator or the host runs a vote.' } };
  switch (action.action) {
    case 'openVote': {
      if (current) return { ok: false, error: { code: 'conflict', message: 'A vote is already open here: close it first.' } };
      const nextId = Math.max(0, ...control.closedVotes.filter((v) => v.tableId === tableId).map((v) => v.id)) + 1;
      const opened = openVote(action, nextId, now);
      return opened.ok
        ? { ok: true, control: withVote(opened.value) }
        : { ok: false, error: { code: 'bad_request', message: opened.message } };
    }
    case 'revealVote':
      if (!current || current.status !== VoteStatus.Open)
        return { ok: false, error: { code: 'conflict', message: 'There is no hidden vote to reveal.' } };
      return { ok: true, control: withVote({ ...current, status: VoteStatus.Revealed, revealedAt: now }) };
    case 'closeVote': {
      if (!current) return { ok: false, error: { code: 'conflict', message: 'No vote is open here.' } };
      const closed = closeVote(current, tableId, now);
      return { ok: true, control: { ...withVote(undefined), closedVotes: [...control.closedVotes, closed] } };
    }
  }
}

/** A person's own ballot in the vote they take part in now: their table's, or the plenary's during a plenary block (null when none). */
export function ballotOf(
  control: SessionControl,
  tableId: string | null,
  participantId: string,
): { voteId: number; ballot: Ballot } | null {
  const key = currentBlock(control)?.kind === BlockKind.Plenary ? PLENARY_RUN : tableId;
  const vote = key ? control.votes[key] : undefined;
  return vote ? { voteId: vote.id, ballot: vote.ballots[participantId] ?? {} } : null;
}
