/**
 * A session's control: pure transitions of its whole control state. The server runs them
 * authoritatively and persists every result; `now`, presence and the seed are inputs.
 *
 * A session starts as a single table that everyone present sits at (`convening: false`), which
 * runs the whole protocol. The host's `seat` turns it into a convening that runs the protocol as
 * an agenda (agenda.ts): opening and closing in the plenary, each protocol round one seating round
 * at the tables. With one round clock the agenda moves on by itself at every deadline (rounds.ts).
 * The host's convening actions live in conveningActions.ts.
 */
import {
  RunStatus,
  applyControl,
  catchUp,
  initialControlState,
  nextDeadline,
  reviewFacilitator,
  type Actor,
  type ControlContext,
  type ControlResult,
  type ControlState,
} from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import { NO_CALL_LINKS } from '../talk/callLinks.js';
import { EMPTY_QUEUE, applyTalkAction, isTalkAction, type TalkAction } from '../talk/speakingQueue.js';
import { addSpokenTime } from '../talk/speakingTime.js';
import { BlockKind, PLENARY_RUN, agendaOf } from './agenda.js';
import { applyConveningAction, isConveningAction, volunteer } from './conveningActions.js';
import { currentBlock, currentRunKeys } from './position.js';
import { applyPrivateAction, isPrivateAction } from './privateWriting.js';
import { endCurrentRuns, settle } from './rounds.js';
import { fail, versioned } from './sessionResult.js';
import {
  ClockMode,
  Gathering,
  SINGLE_TABLE_ID,
  type SessionAction,
  type SessionContext,
  type SessionControl,
  type SessionError,
  type SessionResult,
} from './sessionTypes.js';
import { runContext, tableOfParticipant, tablesOf } from './tableSeating.js';
import { applyVoteAction, isVoteAction } from './voting.js';

/** Actions that set the time; with one round clock only the host may, for every table at once. */
const TIMING_ACTIONS: ReadonlySet<string> = new Set(['start', 'pause', 'resume', 'next', 'back', 'extend']);

/** A fresh session control: one table in the lobby. */
export function initialSessionControl(protocol: Protocol, seed: number): SessionControl {
  return {
    version: 1,
    seed,
    convening: false,
    round: 0,
    tables: [],
    runs: { [SINGLE_TABLE_ID]: initialControlState(protocol, seed) },
    settings: { tableCount: 1, clock: ClockMode.Shared, includeHost: false },
    gathering: Gathering.Tables,
    broadcast: null,
    pins: {},
    history: {},
    pastRounds: [],
    pastRoleCounts: {},
    summonPaused: [],
    votes: {},
    closedVotes: [],
    participationShared: false,
    privateWriting: {},
    anonymousReactions: false,
    agenda: [],
    block: -1,
    hold: false,
    questions: {},
    namedHosts: {},
    seatings: [],
    spotlight: null,
    talk: {},
    callLinks: NO_CALL_LINKS,
    spoken: {},
    talkTimeInRecord: false,
  };
}

/**
 * Reads a stored state: states saved before convenings existed (one `ControlState`) are wrapped,
 * fields added later get their defaults, and a convening stored before agendas existed gets its
 * protocol's agenda, held at the round it was in (its runs stepped through the whole protocol).
 */
export function upgradeSessionControl(stored: unknown, protocol: Protocol, seed: number): SessionControl {
  if (typeof stored !== 'object' || stored === null) return initialSessionControl(protocol, seed);
  if (!('runs' in stored)) {
    const run = stored as ControlState;
    return { ...initialSessionControl(protocol, run.seed), version: run.version, runs: { [SINGLE_TABLE_ID]: run } };
  }
  const control: SessionControl = { ...initialSessionControl(protocol, seed), ...(stored as SessionControl) };
  if (!control.convening || control.agenda.length > 0) return control;
  const agenda = agendaOf(protocol);
  const started = Object.values(control.runs).some((run) => run.status !== RunStatus.Lobby);
  if (!started) return { ...control, agenda, block: -1 };
  const at = agenda.findIndex((b) => b.kind === BlockKind.Tables && b.round >= control.round);
  return endCurrentRuns({ ...control, agenda, block: at < 0 ? agenda.length : at, hold: true }, 0);
}

/** The overall status, for storage (running when any table runs). */
export function sessionStatus(control: SessionControl): RunStatus {
  const statuses = Object.values(control.runs).map((run) => run.status);
  for (const status of [RunStatus.Running, RunStatus.Paused, RunStatus.Done] as const) if (statuses.includes(status)) return status;
  return RunStatus.Lobby;
}

/** Applies `apply` to each listed run as `actor`; succeeds if any accepted. */
function applyToRuns(
  control: SessionControl,
  context: SessionContext,
  keys: readonly string[],
  apply: (run: ControlState, runContext: ControlContext) => ControlResult,
): SessionResult {
  const runs = { ...control.runs };
  const changed: string[] = [];
  let accepted = false;
  let firstError: SessionError | null = null;
  for (const key of keys) {
    const run = runs[key];
    if (!run) continue;
    const result = apply(run, runContext(control, context, key));
    if (!result.ok) firstError ??= result.error;
    else accepted = true;
    // An accepted action that leaves the run as it was (marking ready twice) changes nothing.
    if (result.ok && result.state !== run) {
      runs[key] = result.state;
      changed.push(key);
    }
  }
  if (!accepted) return { ok: false, error: firstError ?? { code: 'conflict', message: 'No table could do this.' } };
  if (changed.length === 0) return { ok: true, control, changed: [] };
  return versioned(control, { ...control, runs }, changed);
}

/**
 * Applies one `control` action by `actor`, then lets the agenda move on if the action finished the
 * current block. Host only for convening actions; run actions go to the actor's own table (or, for
 * the host, the table named, or every table when one clock runs them; the plenary's run in a
 * plenary block).
 */
export function applySessionAction(control: SessionControl, action: SessionAction, actor: Actor, context: SessionContext): SessionResult {
  const result = applyAction(control, action, actor, context);
  if (!result.ok || !control.convening) return result;
  const settled = settle(result.control, context);
  if (settled.control === result.control) return result;
  return {
    ok: true,
    control: settled.control,
    changed: settled.moved || result.changed === 'all' ? 'all' : [...new Set([...result.changed, ...settled.runs])],
  };
}

function applyAction(control: SessionControl, action: SessionAction, actor: Actor, context: SessionContext): SessionResult {
  if (actor.isObserver) return fail('forbidden', 'Observers follow the session but cannot change it.');
  if (action.action === 'volunteerHost') return volunteer(control, actor, context);
  if (action.action === 'spoke') {
    const added = addSpokenTime(control.spoken, actor.participantId, action.ms, context.now);
    // Nobody's view shows it: stored for the participation view and the record, sent to no table.
    return added.ok ? versioned(control, { ...control, spoken: added.spoken }, []) : fail('bad_request', added.message);
  }
  if (isConveningAction(action)) {
    if (!actor.isHost)
      return fail(
        'forbidden',
        action.action === 'shareParticipation' || action.action === 'anonymousReactions' || action.action === 'talkTimeInRecord'
          ? 'Only the host changes the session’s settings.'
          : 'Only the host can change the tables and the agenda.',
      );
    return applyConveningAction(control, action, actor, context);
  }
  const tables = tablesOf(control, context);
  const own = tableOfParticipant(control, context, actor.participantId);
  if (isTalkAction(action)) return talk(control, action, actor, context, own);
  if (isVoteAction(action) && plenaryVoting(control, action.tableId)) {
    // In the plenary everyone votes together (on harvest cards or themes); the host runs the vote.
    const result = applyVoteAction(control, action, actor, PLENARY_RUN, true, context.now);
    return result.ok ? versioned(control, result.control, 'all') : result;
  }
  if (action.tableId !== undefined && !tables.some((t) => t.id === action.tableId))
    return fail('bad_request', `There is no table ${action.tableId}.`);
  if (isVoteAction(action) || isPrivateAction(action)) {
    if (!actor.isHost && action.tableId !== undefined && action.tableId !== own)
      return fail('forbidden', 'You can only act at your own table.');
    const target = (actor.isHost ? action.tableId : undefined) ?? own ?? (control.convening ? null : SINGLE_TABLE_ID);
    if (target === null) return fail('bad_request', 'Name the table (tableId).');
    const result = isVoteAction(action)
      ? applyVoteAction(control, action, actor, target, own === target, context.now)
      : applyPrivateAction(control, action, actor, target, context.now);
    return result.ok ? versioned(control, result.control, [target]) : result;
  }
  const { tableId, ...runAction } = action;
  if (control.convening && runAction.action === 'start')
    return fail('conflict', 'The host starts the agenda (Start on the dashboard); each part starts by itself after that.');
  const apply = (run: ControlState, ctx: ControlContext) => applyControl(run, runAction, actor, ctx);
  const timing = TIMING_ACTIONS.has(runAction.action);
  const plenary = currentBlock(control)?.kind === BlockKind.Plenary;
  if (plenary && tableId === undefined) {
    if (!actor.isHost && (timing || runAction.action === 'ready'))
      return fail('forbidden', 'Everyone is in the plenary: the host runs it.');
    if (timing || !actor.isHost) return applyToRuns(control, context, [PLENARY_RUN], apply);
  }
  const sharedClock = control.convening && control.settings.clock === ClockMode.Shared;
  if (sharedClock && timing) {
    if (!actor.isHost) return fail('forbidden', 'One clock runs every table: the host moves everyone on. Keep the conversation going.');
    const targets = tableId ? [tableId] : tables.map((t) => t.id);
    return applyToRuns(control, context, targets, apply);
  }
  const target = actor.isHost ? (tableId ?? own ?? (control.convening ? null : SINGLE_TABLE_ID)) : own;
  if (!actor.isHost && tableId !== undefined && tableId !== own) return fail('forbidden', 'You can only change your own table.');
  if (target === null) {
    if (!actor.isHost) return fail('forbidden', 'You are not seated at a table yet.');
    if (!timing) return fail('bad_request', 'Name the table (tableId).');
    return applyToRuns(
      control,
      context,
      tables.map((t) => t.id),
      apply,
    );
  }
  return applyToRuns(control, context, [target], apply);
}

/** Whether a vote action is the plenary's: aimed at it, or sent without a table while a plenary block goes on. */
function plenaryVoting(control: SessionControl, tableId: string | undefined): boolean {
  if (tableId === PLENARY_RUN) return true;
  return tableId === undefined && currentBlock(control)?.kind === BlockKind.Plenary;
}

/** A talk action (speaking queue, talking piece) at the actor's table, the host's choice, or the plenary. */
function talk(control: SessionControl, action: TalkAction, actor: Actor, context: SessionContext, own: string | null): SessionResult {
  const plenary = currentBlock(control)?.kind === BlockKind.Plenary && action.tableId === undefined;
  if (!plenary && !actor.isHost && action.tableId !== undefined && action.tableId !== own)
    return fail('forbidden', 'You can only act at your own table.');
  const key = plenary ? PLENARY_RUN : ((actor.isHost ? action.tableId : undefined) ?? own ?? (control.convening ? null : SINGLE_TABLE_ID));
  if (key === null) return fail('bad_request', 'Name the table (tableId).');
  if (!control.runs[key]) return fail('bad_request', `There is no table ${key}.`);
  const members = plenary
    ? context.people
        .filter((p) => p.present && p.role !== 'observer')
        .sort((a, b) => a.joinedAt - b.joinedAt)
        .map((p) => p.id)
    : runContext(control, context, key).members;
  const leads = actor.isHost || control.runs[key]?.roles.facilitator === actor.participantId;
  const result = applyTalkAction(
    control.talk[key] ?? EMPTY_QUEUE,
    action,
    { participantId: actor.participantId, leads, member: members.includes(actor.participantId) },
    members,
    context.now,
  );
  if (!result.ok) return result;
  return versioned(control, { ...control, talk: { ...control.talk, [key]: result.queue } }, plenary ? 'all' : [key]);
}

/**
 * Catches up every deadline of the current block (moving the agenda on when it is done) and
 * reviews every facilitator's seat (after presence changed or a timer fired). Returns the same
 * object, and no changed tables, when nothing changed.
 */
export function reviewSession(
  control: SessionControl,
  context: SessionContext,
  hostId: string,
  graceMs: number,
): { control: SessionControl; changed: string[] | 'all' } {
  const settled = control.convening ? settle(control, context) : { control, moved: false, runs: [] as string[] };
  const runs = { ...settled.control.runs };
  const changed = new Set(settled.runs);
  const keys = control.convening ? currentRunKeys(settled.control) : tablesOf(control, context).map((t) => t.id);
  for (const key of keys) {
    const run = runs[key];
    if (!run || key === PLENARY_RUN) continue;
    const ctx = runContext(settled.control, context, key);
    const reviewed = reviewFacilitator(control.convening ? run : catchUp(run, ctx), ctx, hostId, graceMs);
    if (reviewed !== run) {
      runs[key] = reviewed;
      changed.add(key);
    }
  }
  if (!settled.moved && changed.size === 0) return { control, changed: [] };
  return { control: { ...settled.control, runs, version: control.version + 1 }, changed: settled.moved ? 'all' : [...changed] };
}

/** When the server next has to act on its own: the earliest run deadline or facilitator grace end. */
export function nextSessionDeadline(control: SessionControl, graceMs: number): number | null {
  let earliest: number | null = null;
  for (const run of Object.values(control.runs)) {
    const moments = [nextDeadline(run)];
    if (run.facilitatorAwaySince !== null && run.offer === null && run.status !== RunStatus.Done)
      moments.push(run.facilitatorAwaySince + graceMs);
    for (const m of moments) if (m !== null && (earliest === null || m < earliest)) earliest = m;
  }
  return earliest;
}
