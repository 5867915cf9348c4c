/**
 * A session's whole control state: one protocol run per table, and the convening around them
 * (tables, rounds, seating, pins, plenary, broadcast). Pure: the server runs these functions
 * authoritatively and persists every result; `now`, presence and the seed are inputs.
 *
 * A session starts as a single table that everyone present sits at (`convening: false`). The
 * host's `seat` turns it into a convening: present people are seated at several tables, each
 * table runs the protocol on its own (its own facilitator/scribe rotation), and every
 * `startRound` after the first reseats them: table hosts stay, travelers move.
 */
import { RoleName, type Protocol } from '../protocols/definition.js';
import {
  RunStatus,
  applyControl,
  catchUp,
  initialControlState,
  nextDeadline,
  reviewFacilitator,
  type Actor,
  type ControlAction,
  type ControlContext,
  type ControlResult,
  type ControlState,
} from '../protocols/control.js';
import { mixSeed } from '../protocols/random.js';
import type { RoleCounts } from '../protocols/rotation.js';
import type { ClosedVote, VoteState } from '../record/votes.js';
import { addRoundToHistory } from './pairs.js';
import { applyPrivateAction, isPrivateAction, type PrivateAction, type PrivateWriting } from './privateWriting.js';
import { applyVoteAction, isVoteAction, type VoteAction } from './voting.js';
import { tableCountOf } from './problem.js';
import { seatRound } from './seating.js';
import type { PairHistory, SeatingPerson } from './types.js';

/** Where everyone's attention is. */
export const Gathering = {
  /** Everyone at their table. */
  Tables: 'tables',
  /** Everyone summoned to the plenary canvas. */
  Plenary: 'plenary',
} as const;
/** One of `Gathering`. */
export type Gathering = (typeof Gathering)[keyof typeof Gathering];

/** How table timers run. */
export const ClockMode = {
  /** One round clock for the whole convening: only the host sets the time, for every table at once. */
  Shared: 'shared',
  /** Each table's facilitator runs their own timer. */
  PerTable: 'perTable',
} as const;
/** One of `ClockMode`. */
export type ClockMode = (typeof ClockMode)[keyof typeof ClockMode];

/** The document name of the plenary canvas. */
export const PLENARY_DOC = 'plenary';

/** Most tables a convening may have. */
export const MAX_TABLES = 60;

/** Longest broadcast message, in characters. */
export const MAX_BROADCAST_CHARS = 500;

/** One table: who sits there this round and its table host. */
export interface TableSeating {
  /** Also the table's document name (`table-1`, `table-2`, …). */
  id: string;
  name: string;
  /** Participant ids, the table host first. */
  members: string[];
  host: string | null;
}

/** The host's layout choices. */
export interface ConveningSettings {
  tableCount: number;
  clock: ClockMode;
  /** Whether the session host is seated at a table too (otherwise they roam and see the dashboard). */
  includeHost: boolean;
}

/** A message from the host to every table. */
export interface Broadcast {
  id: number;
  message: string;
  at: number;
}

/** The persisted control state of a session. */
export interface SessionControl {
  /** Incremented by every change; clients ignore older states. */
  version: number;
  seed: number;
  /** False: one table that everyone present sits at. True: seated tables and rounds. */
  convening: boolean;
  /** The convening round (0 before the first seating). */
  round: number;
  /** This round's seating (empty when not a convening). */
  tables: TableSeating[];
  /** Each table's protocol run, by table id. */
  runs: Record<string, ControlState>;
  settings: ConveningSettings;
  gathering: Gathering;
  broadcast: Broadcast | null;
  /** Host pins for future seatings: participant id → table id. */
  pins: Record<string, string>;
  /** Who sat with whom in finished rounds. */
  history: PairHistory;
  /** Seatings of earlier rounds, oldest first. */
  pastRounds: { round: number; tables: TableSeating[] }[];
  /** Role counts of people who are not at any table now (carried between rounds). */
  pastRoleCounts: RoleCounts;
  /** Tables the summon to the plenary paused (resumed when everyone goes back). */
  summonPaused: string[];
  /** The vote open at each table (ballots stay on the server). */
  votes: Record<string, VoteState>;
  /** Closed votes, for the record. */
  closedVotes: ClosedVote[];
  /** Reactions are given under pseudonyms (nobody sees who reacted). */
  anonymousReactions: boolean;
  /** Private writing going on, by table. */
  privateWriting: Record<string, PrivateWriting>;
  /** Whether everyone may see the participation view (otherwise the host and facilitators; everyone sees their own row). */
  participationShared: boolean;
}

/** A participant as seating and the runs need them. */
export interface SessionPerson {
  id: string;
  role: 'host' | 'participant' | 'observer';
  joinedAt: number;
  present: boolean;
  organization?: string | null;
  systemRole?: string | null;
}

/** Everything the transitions need besides the state. */
export interface SessionContext {
  now: number;
  protocol: Protocol;
  people: readonly SessionPerson[];
}

/** Convening actions (host only). */
export type ConveningAction =
  | { action: 'seat'; tableCount?: number; tableSize?: number; clock?: ClockMode; includeHost?: boolean }
  | { action: 'startRound' }
  | { action: 'endRound' }
  | { action: 'move'; participantId: string; tableId: string }
  | { action: 'pin'; participantId: string; tableId: string | null; host?: boolean }
  | { action: 'summon'; to: Gathering }
  | { action: 'broadcast'; message: string }
  | { action: 'shareParticipation'; visible: boolean }
  | { action: 'anonymousReactions'; on: boolean };

/** A participant offers to host their table (when it has no host there). */
export type VolunteerAction = { action: 'volunteerHost' };

/** A run action, optionally aimed at one table (the host's choice; others act on their own table). */
export type TableRunAction = ControlAction & { tableId?: string };

/** Any `control` payload. */
export type SessionAction = ConveningAction | TableRunAction | VoteAction | PrivateAction | VolunteerAction;

/** A refused action. */
export interface SessionError {
  code: 'forbidden' | 'bad_request' | 'conflict';
  message: string;
}

/** The result of an action: the new state and which tables' views changed (`all` for every one). */
export type SessionResult = { ok: true; control: SessionControl; changed: 'all' | string[] } | { ok: false; error: SessionError };

/** The id of the only table of a session that is not a convening. */
export const SINGLE_TABLE_ID = 'table-1';

/** The id and name of table `index` (0-based). */
export function tableIdentity(index: number): { id: string; name: string } {
  return { id: `table-${index + 1}`, name: `Table ${index + 1}` };
}

const CONVENING_ACTIONS: ReadonlySet<string> = new Set(['seat', 'startRound', 'endRound', 'move', 'pin', 'summon', 'broadcast', 'shareParticipation', 'anonymousReactions']);
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
  };
}

/** Reads a stored state; states saved before convenings existed (one `ControlState`) are wrapped. */
export function upgradeSessionControl(stored: unknown, protocol: Protocol, seed: number): SessionControl {
  if (typeof stored !== 'object' || stored === null) return initialSessionControl(protocol, seed);
  // Fields added later get their defaults.
  if ('runs' in stored) return { ...initialSessionControl(protocol, seed), ...(stored as SessionControl) };
  const run = stored as ControlState;
  return { ...initialSessionControl(protocol, run.seed), version: run.version, runs: { [SINGLE_TABLE_ID]: run } };
}

/** The overall status, for storage (running when any table runs). */
export function sessionStatus(control: SessionControl): RunStatus {
  const statuses = Object.values(control.runs).map((run) => run.status);
  for (const status of [RunStatus.Running, RunStatus.Paused, RunStatus.Done] as const) if (statuses.includes(status)) return status;
  return RunStatus.Lobby;
}

const isSeatable = (person: SessionPerson, includeHost: boolean) => person.role === 'participant' || (includeHost && person.role === 'host');

/** The tables as everyone sees them: the seating, or the single table with everyone present. */
export function tablesOf(control: SessionControl, context: SessionContext): TableSeating[] {
  if (control.convening) return control.tables;
  const members = context.people.filter((p) => p.present && p.role !== 'observer').sort((a, b) => a.joinedAt - b.joinedAt);
  return [{ id: SINGLE_TABLE_ID, name: 'Table 1', members: members.map((p) => p.id), host: null }];
}

/** The table a participant sits at, or null. */
export function tableOfParticipant(control: SessionControl, context: SessionContext, participantId: string): string | null {
  return tablesOf(control, context).find((t) => t.members.includes(participantId))?.id ?? null;
}

/** The run context of one table: its present members in join order. */
export function runContext(control: SessionControl, context: SessionContext, tableId: string): ControlContext {
  const seated = new Set(tablesOf(control, context).find((t) => t.id === tableId)?.members ?? []);
  const members = context.people
    .filter((p) => p.present && p.role !== 'observer' && seated.has(p.id))
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => p.id);
  return { now: context.now, protocol: context.protocol, members };
}

/** Everyone's role counts over the session so far (from the run of the table each sits at). */
export function sessionRoleCounts(control: SessionControl, context: SessionContext): RoleCounts {
  const counts: RoleCounts = { ...control.pastRoleCounts };
  for (const table of tablesOf(control, context)) {
    const run = control.runs[table.id];
    for (const id of table.members) {
      const own = run?.roleCounts[id];
      if (own) counts[id] = own;
    }
  }
  return counts;
}

const fail = (code: SessionError['code'], message: string): SessionResult => ({ ok: false, error: { code, message } });

function versioned(previous: SessionControl, next: SessionControl, changed: 'all' | string[]): SessionResult {
  return { ok: true, control: { ...next, version: previous.version + 1 }, changed };
}

/** A run freshly set up for a table in a round: counts carried over, the table host locked to that role. */
function freshRun(control: SessionControl, context: SessionContext, table: TableSeating, index: number, counts: RoleCounts): ControlState {
  const run = initialControlState(context.protocol, mixSeed(control.seed, control.round * 1000 + index));
  const locked = table.host && context.protocol.roles.includes(RoleName.TableHost) ? { [RoleName.TableHost]: table.host } : {};
  // Each run carries the counts of its own members only; `sessionRoleCounts` gathers them back.
  const roleCounts: RoleCounts = {};
  for (const id of table.members) {
    const own = counts[id];
    if (own) roleCounts[id] = own;
  }
  return { ...run, roleCounts, locked };
}

/**
 * Seats the present people for round `control.round + 1`: pins honoured, the hosts of the tables
 * kept (a host who left is replaced), fewest repeated pairs, organizations and roles spread.
 */
function reseat(control: SessionControl, context: SessionContext): SessionControl {
  const counts = sessionRoleCounts(control, context);
  const finished = control.round > 0 && control.tables.length > 0;
  const history = finished ? addRoundToHistory(control.history, { tables: control.tables.map((t) => t.members), hosts: [] }) : control.history;
  // Travelers move: meeting one's table host again costs double, so staying at the same table is
  // the last resort (meeting a fellow traveler again is cheaper).
  const hostPairs = finished ? { tables: control.tables.filter((t) => t.host).map((t) => t.members.map((id) => [t.host as string, id]).filter(([h, id]) => h !== id)).flat(), hosts: [] } : null;
  const weighted = hostPairs ? addRoundToHistory(history, hostPairs) : history;
  const people: SeatingPerson[] = context.people
    .filter((p) => p.present && isSeatable(p, control.settings.includeHost))
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => ({ id: p.id, organization: p.organization ?? null, systemRole: p.systemRole ?? null }));
  const tableCount = control.settings.tableCount;
  const index = (tableId: string) => Number(tableId.replace('table-', '')) - 1;
  const pins: Record<string, number> = {};
  const hosts: (string | null)[] = control.tables.map((t) => t.host);
  for (const [id, tableId] of Object.entries(control.pins)) {
    const t = index(tableId);
    if (t >= 0 && t < tableCount) pins[id] = t;
  }
  const round = control.round + 1;
  const plan = seatRound({ people, tableCount, history: weighted, hosts, chooseHosts: true, pins, seed: mixSeed(control.seed, round) });
  const tables = plan.tables.map((members, t) => ({ ...tableIdentity(t), members, host: plan.hosts[t] ?? null }));
  const next: SessionControl = {
    ...control,
    round,
    tables,
    history,
    pastRounds: finished ? [...control.pastRounds, { round: control.round, tables: control.tables }] : control.pastRounds,
    pastRoleCounts: counts,
    summonPaused: [],
    // A new round reveals whatever was still private (the server copies it onto the tables).
    privateWriting: {},
  };
  const runs: Record<string, ControlState> = {};
  tables.forEach((table, t) => (runs[table.id] = freshRun(next, context, table, t, counts)));
  return { ...next, runs };
}

/** Seats one person who arrived after the seating, at the smallest table (fewest repeats, then organizations). */
export function seatArrival(control: SessionControl, context: SessionContext, participantId: string): SessionControl {
  if (!control.convening || control.tables.length === 0) return control;
  const person = context.people.find((p) => p.id === participantId);
  if (!person || !person.present || !isSeatable(person, control.settings.includeHost)) return control;
  if (control.tables.some((t) => t.members.includes(participantId))) return control;
  const pinned = control.pins[participantId];
  const present = new Set(context.people.filter((p) => p.present).map((p) => p.id));
  const byId = new Map(context.people.map((p) => [p.id, p]));
  const score = (table: TableSeating): number => {
    const sitting = table.members.filter((id) => present.has(id));
    let cost = sitting.length * 1e6;
    for (const id of sitting) {
      const key = participantId < id ? `${participantId}\u0000${id}` : `${id}\u0000${participantId}`;
      cost += (control.history[key] ?? 0) * 1000;
      const other = byId.get(id);
      if (person.organization && other?.organization === person.organization) cost += 10;
      if (person.systemRole && other?.systemRole === person.systemRole) cost += 3;
    }
    return cost;
  };
  const target =
    control.tables.find((t) => t.id === pinned) ??
    control.tables.reduce((best, table) => (score(table) < score(best) ? table : best), control.tables[0] as TableSeating);
  return placeIn(control, participantId, target.id, sessionRoleCounts(control, context));
}

/** Moves a person to a table now, carrying their role counts (no version bump). */
function placeIn(control: SessionControl, participantId: string, tableId: string, counts: RoleCounts): SessionControl {
  const tables = control.tables.map((table) => {
    const members = table.members.filter((id) => id !== participantId);
    if (table.id === tableId) members.push(participantId);
    return { ...table, members, host: table.host === participantId && table.id !== tableId ? null : table.host };
  });
  const run = control.runs[tableId];
  const own = counts[participantId];
  const runs = run && own ? { ...control.runs, [tableId]: { ...run, roleCounts: { ...run.roleCounts, [participantId]: own } } } : control.runs;
  return { ...control, tables, runs, version: control.version + 1 };
}

/** Applies `apply` to each listed table's run as `actor`; succeeds if any table accepted. */
function applyToTables(
  control: SessionControl,
  context: SessionContext,
  tableIds: readonly string[],
  apply: (run: ControlState, runContext: ControlContext) => ControlResult,
): SessionResult {
  const runs = { ...control.runs };
  const changed: string[] = [];
  let firstError: SessionError | null = null;
  for (const id of tableIds) {
    const run = runs[id];
    if (!run) continue;
    const result = apply(run, runContext(control, context, id));
    if (result.ok) {
      runs[id] = result.state;
      changed.push(id);
    } else firstError ??= result.error;
  }
  if (changed.length === 0) return { ok: false, error: firstError ?? { code: 'conflict', message: 'No table could do this.' } };
  return versioned(control, { ...control, runs }, changed);
}

/**
 * Applies one `control` action by `actor`. Host only for convening actions; run actions go to the
 * actor's own table (or, for the host, the table named, or every table when one clock runs them).
 */
export function applySessionAction(control: SessionControl, action: SessionAction, actor: Actor, context: SessionContext): SessionResult {
  if (actor.isObserver) return fail('forbidden', 'Observers follow the session but cannot change it.');
  const host = { participantId: actor.participantId, isHost: true, isObserver: false };
  if (action.action === 'volunteerHost') return volunteer(control, actor, context);
  if (isConveningAction(action)) {
    if (!actor.isHost) return fail('forbidden', action.action === 'shareParticipation' || action.action === 'anonymousReactions' ? 'Only the host changes the session’s settings.' : 'Only the host can change the tables.');
    return applyConvening(control, action, context, (run, ctx, a) => applyControl(run, a, host, ctx));
  }
  const tables = tablesOf(control, context);
  const own = tableOfParticipant(control, context, actor.participantId);
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
  const timing = TIMING_ACTIONS.has(runAction.action);
  const sharedClock = control.convening && control.settings.clock === ClockMode.Shared;
  if (sharedClock && timing) {
    if (!actor.isHost) return fail('forbidden', 'One round clock runs every table: only the host sets the time.');
    const targets = tableId ? [tableId] : tables.map((t) => t.id);
    return applyToTables(control, context, targets, (run, ctx) => applyControl(run, runAction, actor, ctx));
  }
  const target = actor.isHost ? (tableId ?? own ?? (control.convening ? null : SINGLE_TABLE_ID)) : own;
  if (!actor.isHost && tableId !== undefined && tableId !== own) return fail('forbidden', 'You can only change your own table.');
  if (target === null) {
    if (!actor.isHost) return fail('forbidden', 'You are not seated at a table yet.');
    if (!timing) return fail('bad_request', 'Name the table (tableId).');
    return applyToTables(control, context, tables.map((t) => t.id), (run, ctx) => applyControl(run, runAction, actor, ctx));
  }
  return applyToTables(control, context, [target], (run, ctx) => applyControl(run, runAction, actor, ctx));
}

/** A participant volunteers to host their table (it has no host, or its host is away). */
function volunteer(control: SessionControl, actor: Actor, context: SessionContext): SessionResult {
  if (!control.convening) return fail('conflict', 'Table hosts are for convenings with several tables.');
  const table = control.tables.find((t) => t.members.includes(actor.participantId));
  if (!table) return fail('forbidden', 'Sit at a table to host it.');
  if (table.host === actor.participantId) return fail('conflict', 'You already host this table.');
  const hostPresent = table.host !== null && context.people.some((p) => p.id === table.host && p.present);
  if (hostPresent) return fail('conflict', 'This table already has a host; ask them or the session host to hand over.');
  const tables = control.tables.map((t) => (t.id === table.id ? { ...t, host: actor.participantId, members: [actor.participantId, ...t.members.filter((m) => m !== actor.participantId)] } : t));
  const run = control.runs[table.id];
  const runs =
    run && context.protocol.roles.includes(RoleName.TableHost)
      ? { ...control.runs, [table.id]: { ...run, locked: { ...run.locked, [RoleName.TableHost]: actor.participantId }, roles: { ...run.roles, [RoleName.TableHost]: actor.participantId } } }
      : control.runs;
  return versioned(control, { ...control, tables, runs }, 'all');
}

type HostRunApply = (run: ControlState, context: ControlContext, action: ControlAction) => ControlResult;

function applyConvening(control: SessionControl, action: ConveningAction, context: SessionContext, applyRun: HostRunApply): SessionResult {
  const allIds = () => control.tables.map((t) => t.id);
  switch (action.action) {
    case 'seat': {
      const status = sessionStatus(control);
      if (control.convening && (status === RunStatus.Running || status === RunStatus.Paused)) return fail('conflict', 'End the round before changing the tables.');
      const includeHost = action.includeHost ?? control.settings.includeHost;
      const seatable = context.people.filter((p) => p.present && isSeatable(p, includeHost)).length;
      const sized = action.tableCount !== undefined || action.tableSize !== undefined;
      const tableCount = sized ? tableCountOf({ people: new Array<SeatingPerson>(seatable), tableCount: action.tableCount, tableSize: action.tableSize, seed: 0 }) : control.settings.tableCount;
      if (tableCount < 1 || tableCount > MAX_TABLES) return fail('bad_request', `Choose between 1 and ${MAX_TABLES} tables.`);
      const settings: ConveningSettings = { tableCount, clock: action.clock ?? control.settings.clock, includeHost };
      // Seating again before the round started replaces that round's plan instead of counting a round.
      const replan = control.convening && control.round > 0 && status === RunStatus.Lobby;
      const base: SessionControl = replan ? { ...control, round: control.round - 1, tables: [] } : control;
      return versioned(control, reseat({ ...base, convening: true, settings }, context), 'all');
    }
    case 'startRound': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      const fresh = control.tables.length > 0 && Object.values(control.runs).every((run) => run.status === RunStatus.Lobby);
      const seated = fresh ? control : reseat(endAll(control), context);
      const runs = { ...seated.runs };
      for (const table of seated.tables) {
        const run = runs[table.id];
        if (!run) continue;
        const started = applyRun(run, runContext(seated, context, table.id), { action: 'start' });
        if (started.ok) runs[table.id] = started.state;
      }
      return versioned(control, { ...seated, runs, gathering: Gathering.Tables }, 'all');
    }
    case 'endRound': {
      if (!control.convening || sessionStatus(control) === RunStatus.Lobby) return fail('conflict', 'No round is going.');
      return versioned(control, endAll(control), 'all');
    }
    case 'move': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      const person = context.people.find((p) => p.id === action.participantId);
      if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
      if (!control.tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      const moved = placeIn(control, action.participantId, action.tableId, sessionRoleCounts(control, context));
      return versioned(control, moved, 'all');
    }
    case 'pin': {
      const person = context.people.find((p) => p.id === action.participantId);
      if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
      if (action.tableId !== null && !control.tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      const pins = { ...control.pins };
      if (action.tableId === null) delete pins[action.participantId];
      else pins[action.participantId] = action.tableId;
      let tables = control.tables;
      if (action.tableId !== null && action.host) {
        tables = tables.map((t) => (t.id === action.tableId ? { ...t, host: action.participantId } : t.host === action.participantId ? { ...t, host: null } : t));
      }
      return versioned(control, { ...control, pins, tables }, 'all');
    }
    case 'summon': {
      if (action.to === control.gathering) return fail('conflict', action.to === Gathering.Plenary ? 'Everyone is already in the plenary.' : 'Everyone is already at their tables.');
      const runs = { ...control.runs };
      let summonPaused: string[] = [];
      if (action.to === Gathering.Plenary) {
        for (const id of allIds()) {
          const run = runs[id];
          if (run?.status !== RunStatus.Running) continue;
          const paused = applyRun(run, runContext(control, context, id), { action: 'pause' });
          if (paused.ok) [runs[id], summonPaused] = [paused.state, [...summonPaused, id]];
        }
      } else {
        for (const id of control.summonPaused) {
          const run = runs[id];
          if (run?.status !== RunStatus.Paused) continue;
          const resumed = applyRun(run, runContext(control, context, id), { action: 'resume' });
          if (resumed.ok) runs[id] = resumed.state;
        }
      }
      return versioned(control, { ...control, runs, gathering: action.to, summonPaused }, 'all');
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

/** Ends every table's run that is going (the round is over; the seating stays until the next round). */
function endAll(control: SessionControl): SessionControl {
  const runs = { ...control.runs };
  for (const table of control.tables) {
    const run = runs[table.id];
    if (!run || run.status === RunStatus.Done || run.status === RunStatus.Lobby) continue;
    runs[table.id] = { ...run, status: RunStatus.Done, endsAt: null, remainingMs: 0, overAt: null, ready: [], offer: null, facilitatorAwaySince: null, version: run.version + 1 };
  }
  return { ...control, runs, summonPaused: [] };
}

/**
 * Catches up every table's deadlines and reviews every facilitator's seat (after presence
 * changed or a timer fired). Returns the same object, and no changed tables, when nothing changed.
 */
export function reviewSession(control: SessionControl, context: SessionContext, hostId: string, graceMs: number): { control: SessionControl; changed: string[] } {
  const runs = { ...control.runs };
  const changed: string[] = [];
  for (const table of tablesOf(control, context)) {
    const run = runs[table.id];
    if (!run) continue;
    const ctx = runContext(control, context, table.id);
    const reviewed = reviewFacilitator(catchUp(run, ctx), ctx, hostId, graceMs);
    if (reviewed !== run) {
      runs[table.id] = reviewed;
      changed.push(table.id);
    }
  }
  if (changed.length === 0) return { control, changed };
  return { control: { ...control, runs, version: control.version + 1 }, changed };
}

/** When the server next has to act on its own: the earliest table deadline or facilitator grace end. */
export function nextSessionDeadline(control: SessionControl, graceMs: number): number | null {
  let earliest: number | null = null;
  for (const run of Object.values(control.runs)) {
    const moments = [nextDeadline(run)];
    if (run.facilitatorAwaySince !== null && run.offer === null && run.status !== RunStatus.Done) moments.push(run.facilitatorAwaySince + graceMs);
    for (const m of moments) if (m !== null && (earliest === null || m < earliest)) earliest = m;
  }
  return earliest;
}
