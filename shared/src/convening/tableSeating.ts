/**
 * Who sits where: the tables as everyone sees them, each run's context, seating a round (hosts
 * stay, travelers move), seating someone who arrives late, moving a person, and keeping each
 * table's host in one place (the seating) with the run's table-host role following it.
 */
import { RunStatus, initialControlState, type ControlContext, type ControlState } from '../protocols/control.js';
import { RoleName } from '../protocols/definition.js';
import { mixSeed } from '../protocols/random.js';
import { assignRoles, countAssignments, type RoleCounts, type RoleHolders } from '../protocols/rotation.js';
import { PLENARY_RUN } from './agenda.js';
import { addRoundToHistory, pairKey } from './pairs.js';
import { runProtocolOf } from './position.js';
import { seatRound } from './seating.js';
import { SINGLE_TABLE_ID, type SessionContext, type SessionControl, type SessionPerson, type TableSeating } from './sessionTypes.js';
import type { SeatingPerson } from './types.js';

/** Whether a person takes a seat at a table (participants; the host only when seated too). */
export const isSeatable = (person: SessionPerson, includeHost: boolean): boolean =>
  person.role === 'participant' || (includeHost && person.role === 'host');

/** The id and name of table `index` (0-based). */
export function tableIdentity(index: number): { id: string; name: string } {
  return { id: `table-${index + 1}`, name: `Table ${index + 1}` };
}

/** The 0-based index of a table id (`table-3` → 2). */
export function tableIndexOf(tableId: string): number {
  return Number(tableId.replace('table-', '')) - 1;
}

/** The single table of each people list (a runtime keeps its list until someone comes or goes). */
const singleTables = new WeakMap<readonly SessionPerson[], TableSeating[]>();

/**
 * The tables as everyone sees them: the seating, or the single table with everyone present
 * (made once per people list: a lobby of 1,000 asks for it with every state it sends).
 */
export function tablesOf(control: SessionControl, context: SessionContext): TableSeating[] {
  if (control.convening) return control.tables;
  let tables = singleTables.get(context.people);
  if (!tables) {
    const members = context.people.filter((p) => p.present && p.role !== 'observer').sort((a, b) => a.joinedAt - b.joinedAt);
    tables = [{ id: SINGLE_TABLE_ID, name: 'Table 1', members: members.map((p) => p.id), host: null }];
    singleTables.set(context.people, tables);
  }
  return tables;
}

/** The table a participant sits at, or null. */
export function tableOfParticipant(control: SessionControl, context: SessionContext, participantId: string): string | null {
  return tablesOf(control, context).find((t) => t.members.includes(participantId))?.id ?? null;
}

/** The context of one run: its block's protocol and the table's present members in join order (nobody holds roles in the plenary). */
export function runContext(control: SessionControl, context: SessionContext, runKey: string): ControlContext {
  const protocol = runProtocolOf(control, context.protocol, runKey);
  if (runKey === PLENARY_RUN) return { now: context.now, protocol, members: [] };
  const seated = tablesOf(control, context).find((t) => t.id === runKey)?.members ?? [];
  const byId = peopleById(context.people);
  const members = seated
    .map((id) => byId.get(id))
    .filter((entry): entry is PersonEntry => entry?.person.present === true && entry.person.role !== 'observer')
    .sort((a, b) => a.person.joinedAt - b.person.joinedAt || a.order - b.order)
    .map((entry) => entry.person.id);
  return { now: context.now, protocol, members };
}

/** A person and their place in the context's people list (which breaks ties in join order). */
interface PersonEntry {
  person: SessionPerson;
  order: number;
}

const indexes = new WeakMap<readonly SessionPerson[], ReadonlyMap<string, PersonEntry>>();

/**
 * The context's people by id, built once per people list: a runtime keeps its list until someone
 * arrives or leaves, so a table's context costs its size rather than the whole event's.
 */
function peopleById(people: readonly SessionPerson[]): ReadonlyMap<string, PersonEntry> {
  let index = indexes.get(people);
  if (!index) {
    index = new Map(people.map((person, order) => [person.id, { person, order }]));
    indexes.set(people, index);
  }
  return index;
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

/**
 * Makes `host` the table's host in its run: the role is locked to them, any other role they held
 * goes to someone at the table who holds none, and the counts follow. Runs of protocols without
 * a table-host role are returned unchanged.
 */
export function withTableHost(run: ControlState, host: string | null, context: ControlContext): ControlState {
  if (!context.protocol.roles.includes(RoleName.TableHost)) return run;
  const locked: RoleHolders = { ...run.locked };
  if (host) locked[RoleName.TableHost] = host;
  else delete locked[RoleName.TableHost];
  if (run.status === RunStatus.Lobby || run.status === RunStatus.Done || !host) return { ...run, locked };
  const roles: RoleHolders = {};
  for (const [role, holder] of Object.entries(run.roles) as [RoleName, string][])
    if (holder !== host && role !== RoleName.TableHost) roles[role] = holder;
  roles[RoleName.TableHost] = host;
  const vacated = context.protocol.roles.filter((role) => !roles[role]);
  const holding = new Set(Object.values(roles));
  const free = context.members.filter((id) => !holding.has(id));
  const filled =
    vacated.length > 0
      ? assignRoles({
          roles: vacated,
          members: free.length > 0 ? free : context.members,
          counts: run.roleCounts,
          locked: {},
          seed: run.seed,
          rotation: run.rotations,
        })
      : {};
  const gained: RoleHolders = { ...filled };
  if (run.roles[RoleName.TableHost] !== host) gained[RoleName.TableHost] = host;
  return { ...run, locked, roles: { ...roles, ...filled }, roleCounts: countAssignments(run.roleCounts, gained) };
}

/** A run freshly set up for a table in a round: counts carried over, the table host locked to that role. */
export function freshRun(
  control: SessionControl,
  context: SessionContext,
  table: TableSeating,
  index: number,
  counts: RoleCounts,
): ControlState {
  const ctx = runContext(control, context, table.id);
  const run = initialControlState(ctx.protocol, mixSeed(control.seed, control.round * 1000 + index));
  // Each run carries the counts of its own members only; `sessionRoleCounts` gathers them back.
  const roleCounts: RoleCounts = {};
  for (const id of table.members) {
    const own = counts[id];
    if (own) roleCounts[id] = own;
  }
  return withTableHost({ ...run, roleCounts }, table.host, ctx);
}

/**
 * The host each table keeps next round, by table index: the one the session host named, else this
 * round's host, else — when they left — someone who sat at that table this round (fewest turns
 * as host first), so whoever briefs the travelers heard the conversation. Null: seating chooses.
 */
export function hostsForRound(
  control: SessionControl,
  context: SessionContext,
  seatable: ReadonlySet<string>,
  tableCount: number,
  counts: RoleCounts,
): (string | null)[] {
  const taken = new Set<string>();
  const named = new Set(Object.values(control.namedHosts).filter((id) => seatable.has(id)));
  const joined = new Map(context.people.map((p) => [p.id, p.joinedAt]));
  const pinnedElsewhere = (id: string, tableId: string) => control.pins[id] !== undefined && control.pins[id] !== tableId;
  return Array.from({ length: tableCount }, (_, t) => {
    const { id: tableId } = tableIdentity(t);
    const candidates = [control.namedHosts[tableId], control.tables[t]?.host].filter(
      (id): id is string => !!id && seatable.has(id) && !taken.has(id),
    );
    let host = candidates.find((id) => id === control.namedHosts[tableId] || !named.has(id)) ?? null;
    if (!host && control.round > 0) {
      const sat = (control.tables[t]?.members ?? []).filter(
        (id) => seatable.has(id) && !taken.has(id) && !named.has(id) && !pinnedElsewhere(id, tableId),
      );
      sat.sort((a, b) => (counts[a]?.tableHost ?? 0) - (counts[b]?.tableHost ?? 0) || (joined.get(a) ?? 0) - (joined.get(b) ?? 0));
      host = sat[0] ?? null;
    }
    if (host) taken.add(host);
    return host;
  });
}

/**
 * Seats the present people (and, before the first round, the expected ones) for `round`: pins honoured, the hosts of the tables kept (a host who
 * left is replaced from their table), fewest repeated pairs, organizations and roles spread.
 * Fresh runs are set up for every table; the round's seating is recorded as it starts.
 */
export function reseat(control: SessionControl, context: SessionContext, round: number): SessionControl {
  const counts = sessionRoleCounts(control, context);
  const finished = control.round > 0 && control.tables.length > 0;
  const history = finished
    ? addRoundToHistory(control.history, { tables: control.tables.map((t) => t.members), hosts: [] })
    : control.history;
  // Travelers move: meeting one's table host again costs double, so staying at the same table is
  // the last resort (meeting a fellow traveler again is cheaper).
  const hostPairs = finished
    ? {
        tables: control.tables
          .filter((t) => t.host)
          .flatMap((t) => t.members.map((id) => [t.host as string, id]).filter(([h, id]) => h !== id)),
        hosts: [],
      }
    : null;
  const weighted = hostPairs ? addRoundToHistory(history, hostPairs) : history;
  // Before the first round, the plan also seats the people on the roster who are not here yet.
  const planning = control.seatings.length === 0;
  const people: SeatingPerson[] = context.people
    .filter((p) => (p.present || (planning && p.expected === true)) && isSeatable(p, control.settings.includeHost))
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => ({ id: p.id, organization: p.organization ?? null, systemRole: p.systemRole ?? null }));
  const tableCount = control.settings.tableCount;
  const pins: Record<string, number> = {};
  for (const [id, tableId] of Object.entries(control.pins)) {
    const t = tableIndexOf(tableId);
    if (t >= 0 && t < tableCount) pins[id] = t;
  }
  const hosts = hostsForRound(control, context, new Set(people.map((p) => p.id)), tableCount, counts);
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
  for (const [t, table] of tables.entries()) runs[table.id] = freshRun(next, context, table, t, counts);
  return { ...next, runs };
}

/** Seats one person who arrived after the seating, at the smallest table (fewest repeats, then organizations). */
export function seatArrival(control: SessionControl, context: SessionContext, participantId: string): SessionControl {
  if (!control.convening || control.tables.length === 0) return control;
  const person = context.people.find((p) => p.id === participantId);
  if (!person?.present || !isSeatable(person, control.settings.includeHost)) return control;
  if (control.tables.some((t) => t.members.includes(participantId))) return control;
  const pinned = control.pins[participantId];
  const present = new Set(context.people.filter((p) => p.present).map((p) => p.id));
  const byId = new Map(context.people.map((p) => [p.id, p]));
  const score = (table: TableSeating): number => {
    const sitting = table.members.filter((id) => present.has(id));
    let cost = sitting.length * 1e6;
    for (const id of sitting) {
      cost += (control.history[pairKey(participantId, id)] ?? 0) * 1000;
      const other = byId.get(id);
      if (person.organization && other?.organization === person.organization) cost += 10;
      if (person.systemRole && other?.systemRole === person.systemRole) cost += 3;
    }
    return cost;
  };
  const target =
    control.tables.find((t) => t.id === pinned) ??
    control.tables.reduce((best, table) => (score(table) < score(best) ? table : best), control.tables[0] as TableSeating);
  const seated = placeIn(control, participantId, target.id, sessionRoleCounts(control, context));
  return { ...seated, version: control.version + 1 };
}

/** Moves a person to a table now, carrying their role counts; a host who moves leaves their table without one. */
export function placeIn(control: SessionControl, participantId: string, tableId: string, counts: RoleCounts): SessionControl {
  const tables = control.tables.map((table) => {
    const members = table.members.filter((id) => id !== participantId);
    if (table.id === tableId) members.push(participantId);
    return { ...table, members, host: table.host === participantId && table.id !== tableId ? null : table.host };
  });
  const run = control.runs[tableId];
  const own = counts[participantId];
  const runs =
    run && own ? { ...control.runs, [tableId]: { ...run, roleCounts: { ...run.roleCounts, [participantId]: own } } } : control.runs;
  return { ...control, tables, runs };
}

/** Makes `participantId` the host of `tableId` (seated there first if needed), in the seating and in the table's run. */
export function setTableHost(control: SessionControl, context: SessionContext, tableId: string, participantId: string): SessionControl {
  const counts = sessionRoleCounts(control, context);
  const placed = control.tables.find((t) => t.id === tableId)?.members.includes(participantId)
    ? control
    : placeIn(control, participantId, tableId, counts);
  const tables = placed.tables.map((t) => {
    if (t.id === tableId) return { ...t, host: participantId, members: [participantId, ...t.members.filter((m) => m !== participantId)] };
    return t.host === participantId ? { ...t, host: null } : t;
  });
  const seated = { ...placed, tables };
  const run = seated.runs[tableId];
  if (!run) return seated;
  return { ...seated, runs: { ...seated.runs, [tableId]: withTableHost(run, participantId, runContext(seated, context, tableId)) } };
}
