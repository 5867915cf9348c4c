/**
 * A session's control: pure transitions of its whole control state. The server runs them
 * authoritatively and persists every result; `now`, presence and the seed are inputs.
 *
 * A session starts as a single table that everyone present sits at (`convening: false`), which
 * runs the whole protocol. The host's `seat` turns it into a convening that runs the protocol as
 * an agenda (agenda.ts): opening and closing in the plenary, each protocol round one seating round
 * at the tables. With one round clock the agenda moves on by itself at every deadline (rounds.ts).
 */
import { RunStatus, applyControl, catchUp, initialControlState, nextDeadline, reviewFacilitator, type Actor, type ControlAction, type ControlContext, type ControlResult, type ControlState } from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import { builtInProtocol } from '../protocols/builtins.js';
import { BlockKind, PLENARY_RUN, agendaOf } from './agenda.js';
import { composeAgenda } from './compose.js';
import { currentBlock, currentRunKeys } from './position.js';
import { applyPrivateAction, isPrivateAction } from './privateWriting.js';
import { tableCountOf } from './problem.js';
import { endCurrentRuns, enterBlock, settle } from './rounds.js';
import {
  ClockMode,
  Gathering,
  MAX_BROADCAST_CHARS,
  MAX_TABLES,
  SINGLE_TABLE_ID,
  type ConveningAction,
  type ConveningSettings,
  type SessionAction,
  type SessionContext,
  type SessionControl,
  type SessionError,
  type SessionResult,
} from './sessionTypes.js';
import { isSeatable, placeIn, reseat, runContext, seatArrival, sessionRoleCounts, setTableHost, tableIdentity, tableOfParticipant, tablesOf } from './tableSeating.js';
import type { SeatingPerson } from './types.js';
import { applyVoteAction, isVoteAction } from './voting.js';
import { NO_CALL_LINKS, checkCallLink, withCallLink } from '../talk/callLinks.js';
import { EMPTY_QUEUE, applyTalkAction, isTalkAction, type TalkAction } from '../talk/speakingQueue.js';


const CONVENING_ACTIONS: ReadonlySet<string> = new Set(['seat', 'startRound', 'endRound', 'hold', 'question', 'spotlight', 'composeAgenda', 'callLink', 'move', 'pin', 'summon', 'broadcast', 'shareParticipation', 'anonymousReactions']);
/** Actions that set the time; with one round clock only the host may, for every table at once. */
const TIMING_ACTIONS: ReadonlySet<string> = new Set(['start', 'pause', 'resume', 'next', 'back', 'extend']);

/** Whether an action is a convening action (as opposed to a table run action). */
export function isConveningAction(action: { action: string }): action is ConveningAction {
  return CONVENING_ACTIONS.has(action.action);
}

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

const fail = (code: SessionError['code'], message: string): SessionResult => ({ ok: false, error: { code, message } });

function versioned(previous: SessionControl, next: SessionControl, changed: 'all' | string[]): SessionResult {
  return { ok: true, control: { ...next, version: previous.version + 1 }, changed };
}

/** Applies `apply` to each listed run as `actor`; succeeds if any accepted. */
function applyToRuns(control: SessionControl, context: SessionContext, keys: readonly string[], apply: (run: ControlState, runContext: ControlContext) => ControlResult): SessionResult {
  const runs = { ...control.runs };
  const changed: string[] = [];
  let firstError: SessionError | null = null;
  for (const key of keys) {
    const run = runs[key];
    if (!run) continue;
    const result = apply(run, runContext(control, context, key));
    if (result.ok) {
      runs[key] = result.state;
      changed.push(key);
    } else firstError ??= result.error;
  }
  if (changed.length === 0) return { ok: false, error: firstError ?? { code: 'conflict', message: 'No table could do this.' } };
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
  return { ok: true, control: settled.control, changed: settled.moved || result.changed === 'all' ? 'all' : [...new Set([...result.changed, ...settled.runs])] };
}

function applyAction(control: SessionControl, action: SessionAction, actor: Actor, context: SessionContext): SessionResult {
  if (actor.isObserver) return fail('forbidden', 'Observers follow the session but cannot change it.');
  if (action.action === 'volunteerHost') return volunteer(control, actor, context);
  if (isConveningAction(action)) {
    if (!actor.isHost) return fail('forbidden', action.action === 'shareParticipation' || action.action === 'anonymousReactions' ? 'Only the host changes the session’s settings.' : 'Only the host can change the tables and the agenda.');
    return applyConvening(control, action, actor, context);
  }
  const tables = tablesOf(control, context);
  const own = tableOfParticipant(control, context, actor.participantId);
  if (isTalkAction(action)) return talk(control, action, actor, context, own);
  if (isVoteAction(action) && plenaryVoting(control, action.tableId)) {
    // In the plenary everyone votes together (on harvest cards or themes); the host runs the vote.
    const result = applyVoteAction(control, action, actor, PLENARY_RUN, true, context.now);
    return result.ok ? versioned(control, result.control, 'all') : result;
  }
  if (action.tableId !== undefined && !tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
  if (isVoteAction(action) || isPrivateAction(action)) {
    if (!actor.isHost && action.tableId !== undefined && action.tableId !== own) return fail('forbidden', 'You can only act at your own table.');
    const target = (actor.isHost ? action.tableId : undefined) ?? own ?? (control.convening ? null : SINGLE_TABLE_ID);
    if (target === null) return fail('bad_request', 'Name the table (tableId).');
    const result = isVoteAction(action)
      ? applyVoteAction(control, action, actor, target, own === target, context.now)
      : applyPrivateAction(control, action, actor, target, context.now);
    return result.ok ? versioned(control, result.control, [target]) : result;
  }
  const { tableId, ...runAction } = action;
  if (control.convening && runAction.action === 'start') return fail('conflict', 'The host starts the agenda (Start on the dashboard); each part starts by itself after that.');
  const apply = (run: ControlState, ctx: ControlContext) => applyControl(run, runAction, actor, ctx);
  const timing = TIMING_ACTIONS.has(runAction.action);
  const plenary = currentBlock(control)?.kind === BlockKind.Plenary;
  if (plenary && tableId === undefined) {
    if (!actor.isHost && (timing || runAction.action === 'ready')) return fail('forbidden', 'Everyone is in the plenary: the host runs it.');
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
    return applyToRuns(control, context, tables.map((t) => t.id), apply);
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
  if (!plenary && !actor.isHost && action.tableId !== undefined && action.tableId !== own) return fail('forbidden', 'You can only act at your own table.');
  const key = plenary ? PLENARY_RUN : ((actor.isHost ? action.tableId : undefined) ?? own ?? (control.convening ? null : SINGLE_TABLE_ID));
  if (key === null) return fail('bad_request', 'Name the table (tableId).');
  if (!control.runs[key]) return fail('bad_request', `There is no table ${key}.`);
  const members = plenary
    ? context.people.filter((p) => p.present && p.role !== 'observer').sort((a, b) => a.joinedAt - b.joinedAt).map((p) => p.id)
    : runContext(control, context, key).members;
  const leads = actor.isHost || control.runs[key]?.roles.facilitator === actor.participantId;
  const result = applyTalkAction(control.talk[key] ?? EMPTY_QUEUE, action, { participantId: actor.participantId, leads, member: members.includes(actor.participantId) }, members, context.now);
  if (!result.ok) return result;
  return versioned(control, { ...control, talk: { ...control.talk, [key]: result.queue } }, plenary ? 'all' : [key]);
}

/** A participant volunteers to host their table (it has no host, or its host is away). */
function volunteer(control: SessionControl, actor: Actor, context: SessionContext): SessionResult {
  if (!control.convening) return fail('conflict', 'Table hosts are for convenings with several tables.');
  const table = control.tables.find((t) => t.members.includes(actor.participantId));
  if (!table) return fail('forbidden', 'Sit at a table to host it.');
  if (table.host === actor.participantId) return fail('conflict', 'You already host this table.');
  const hostPresent = table.host !== null && context.people.some((p) => p.id === table.host && p.present);
  if (hostPresent) return fail('conflict', 'This table already has a host; ask them or the session host to hand over.');
  return versioned(control, setTableHost(control, context, table.id, actor.participantId), 'all');
}

/** Seats the present people for the first round (again, before it starts), as the host asked. */
function seat(control: SessionControl, action: Extract<ConveningAction, { action: 'seat' }>, context: SessionContext): SessionResult {
  if (control.convening && control.seatings.length > 0) return fail('conflict', 'The first round has started: from now on the tables are reseated at each round (or move people one by one).');
  const includeHost = action.includeHost ?? control.settings.includeHost;
  const seatable = context.people.filter((p) => (p.present || p.expected === true) && isSeatable(p, includeHost)).length;
  const sized = action.tableCount !== undefined || action.tableSize !== undefined;
  const tableCount = sized ? tableCountOf({ people: new Array<SeatingPerson>(seatable), tableCount: action.tableCount, tableSize: action.tableSize, seed: 0 }) : control.settings.tableCount;
  if (tableCount < 1 || tableCount > MAX_TABLES) return fail('bad_request', `Choose between 1 and ${MAX_TABLES} tables.`);
  const settings: ConveningSettings = { tableCount, clock: action.clock ?? control.settings.clock, includeHost };
  const agenda = control.agenda.length > 0 ? control.agenda : agendaOf(context.protocol);
  // Seating again before the agenda starts replaces the plan: nobody has sat anywhere yet.
  const base: SessionControl = { ...control, convening: true, settings, agenda, seed: action.seed ?? control.seed, round: 0, tables: [], history: {}, pastRounds: [] };
  return versioned(control, reseat(base, context, 1), 'all');
}

function applyConvening(control: SessionControl, action: ConveningAction, actor: Actor, context: SessionContext): SessionResult {
  const host = { participantId: actor.participantId, isHost: true, isObserver: false };
  switch (action.action) {
    case 'seat':
      return seat(control, action, context);
    case 'startRound': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      if (control.block >= control.agenda.length) return fail('conflict', 'The agenda is over.');
      return versioned(control, enterBlock(control, context, control.block + 1, context.now), 'all');
    }
    case 'endRound': {
      if (currentRunKeys(control).every((key) => control.runs[key]?.status === RunStatus.Done)) return fail('conflict', 'Nothing is going: start the next part of the agenda.');
      return versioned(control, { ...endCurrentRuns(control, context.now), hold: true }, 'all');
    }
    case 'hold':
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      return versioned(control, { ...control, hold: action.on }, 'all');
    case 'question': {
      const block = control.agenda.find((b) => b.id === action.blockId);
      if (!block || block.kind !== BlockKind.Tables) return fail('bad_request', `There is no round ${action.blockId} in the agenda.`);
      return versioned(control, { ...control, questions: { ...control.questions, [block.id]: action.text.trim() } }, 'all');
    }
    case 'move': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      const person = context.people.find((p) => p.id === action.participantId);
      if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
      if (!control.tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      return versioned(control, placeIn(control, action.participantId, action.tableId, sessionRoleCounts(control, context)), 'all');
    }
    case 'pin':
      return pin(control, action, context);
    case 'composeAgenda': {
      if (control.block >= 0) return fail('conflict', 'The agenda has started: it can only be composed before.');
      const composed = composeAgenda(action.parts, (id) => (id === context.protocol.id ? context.protocol : builtInProtocol(id)));
      if (!composed.ok) return fail('bad_request', composed.message);
      // The first seating stays; its rounds follow the new agenda.
      return versioned(control, { ...control, agenda: composed.agenda, questions: {} }, 'all');
    }
    case 'callLink': {
      if (action.tableId !== null && !/^table-\d{1,3}$/.test(action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      if (action.url === null || action.url.trim() === '') return versioned(control, { ...control, callLinks: withCallLink(control.callLinks, action.tableId, null) }, 'all');
      const checked = checkCallLink(action.url);
      if (!checked.ok) return fail('bad_request', checked.message);
      return versioned(control, { ...control, callLinks: withCallLink(control.callLinks, action.tableId, checked.url) }, 'all');
    }
    case 'spotlight': {
      if (action.tableId !== null && !control.tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      if (action.tableId === control.spotlight) return fail('conflict', action.tableId ? 'That table is already shown to everyone.' : 'No table is shown to everyone.');
      return versioned(control, { ...control, spotlight: action.tableId }, 'all');
    }
    case 'summon': {
      if (action.to === control.gathering) return fail('conflict', action.to === Gathering.Plenary ? 'Everyone is already in the plenary.' : 'Everyone is already at their tables.');
      if (currentBlock(control)?.kind === BlockKind.Plenary) return fail('conflict', 'This part of the agenda is the plenary: start the next round to send people to their tables.');
      return versioned(control, summon(control, action.to, host, context), 'all');
    }
    case 'shareParticipation':
      return versioned(control, { ...control, participationShared: action.visible }, 'all');
    case 'anonymousReactions':
      return versioned(control, { ...control, anonymousReactions: action.on }, 'all');
    case 'broadcast': {
      const message = action.message.trim();
      if (message.length === 0 || message.length > MAX_BROADCAST_CHARS) return fail('bad_request', `Write a message of 1 to ${MAX_BROADCAST_CHARS} characters.`);
      return versioned(control, { ...control, broadcast: { id: (control.broadcast?.id ?? 0) + 1, message, at: context.now } }, 'all');
    }
  }
}

/** Pins a person to a table for future seatings; as its host too when asked (before or after seating). */
function pin(control: SessionControl, action: Extract<ConveningAction, { action: 'pin' }>, context: SessionContext): SessionResult {
  const person = context.people.find((p) => p.id === action.participantId);
  if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
  const tableCount = control.convening ? control.settings.tableCount : MAX_TABLES;
  const index = action.tableId === null ? -1 : Number(action.tableId.replace('table-', '')) - 1;
  if (action.tableId !== null && (index < 0 || index >= tableCount)) return fail('bad_request', `There is no table ${action.tableId}.`);
  const pins = { ...control.pins };
  const namedHosts = Object.fromEntries(Object.entries(control.namedHosts).filter(([, id]) => id !== action.participantId));
  if (action.tableId === null) delete pins[action.participantId];
  else {
    pins[action.participantId] = action.tableId;
    if (action.host) namedHosts[action.tableId] = action.participantId;
  }
  let next: SessionControl = { ...control, pins, namedHosts };
  const seatedNow = control.convening && control.tables.some((t) => t.id === action.tableId);
  if (action.tableId !== null && action.host && seatedNow) next = setTableHost(next, context, action.tableId, action.participantId);
  else if (!action.host || action.tableId === null) next = { ...next, tables: next.tables.map((t) => (t.host === action.participantId && control.namedHosts[t.id] === action.participantId ? { ...t, host: null } : t)) };
  return versioned(control, next, 'all');
}

/** Everyone to the plenary (the running tables pause) or back to the tables (exactly those resume). */
function summon(control: SessionControl, to: Gathering, host: Actor, context: SessionContext): SessionControl {
  const runs = { ...control.runs };
  let summonPaused: string[] = [];
  const ids = to === Gathering.Plenary ? control.tables.map((t) => t.id) : control.summonPaused;
  for (const id of ids) {
    const run = runs[id];
    const wanted = to === Gathering.Plenary ? RunStatus.Running : RunStatus.Paused;
    if (run?.status !== wanted) continue;
    const changed = applyControl(run, { action: to === Gathering.Plenary ? 'pause' : 'resume' } as ControlAction, host, runContext(control, context, id));
    if (!changed.ok) continue;
    runs[id] = changed.state;
    if (to === Gathering.Plenary) summonPaused = [...summonPaused, id];
  }
  return { ...control, runs, gathering: to, summonPaused };
}

/**
 * Catches up every deadline of the current block (moving the agenda on when it is done) and
 * reviews every facilitator's seat (after presence changed or a timer fired). Returns the same
 * object, and no changed tables, when nothing changed.
 */
export function reviewSession(control: SessionControl, context: SessionContext, hostId: string, graceMs: number): { control: SessionControl; changed: string[] | 'all' } {
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
    if (run.facilitatorAwaySince !== null && run.offer === null && run.status !== RunStatus.Done) moments.push(run.facilitatorAwaySince + graceMs);
    for (const m of moments) if (m !== null && (earliest === null || m < earliest)) earliest = m;
  }
  return earliest;
}
