/** Dashboard payloads for unit tests: a person, a table and a whole convening with defaults. */
import { ClockMode, Gathering, RunStatus, type DashboardPayload, type DashboardPerson, type DashboardTable } from '@worktable/shared';

/** A present participant named `name` (id `p-<name>`), with `overrides`. */
export function personFixture(name: string, overrides: Partial<DashboardPerson> = {}): DashboardPerson {
  return {
    participantId: `p-${name}`,
    name,
    role: 'participant',
    organization: null,
    systemRole: null,
    present: true,
    pinnedTo: null,
    namedHostOf: null,
    expected: false,
    ...overrides,
  };
}

/** Table number `n` (1-based) seating `members`, the first as its host, running nothing yet. */
export function tableFixture(n: number, members: readonly string[] = [], overrides: Partial<DashboardTable> = {}): DashboardTable {
  return {
    id: `table-${n}`,
    name: `Table ${n}`,
    members: [...members],
    host: members[0] ?? null,
    newcomers: [],
    status: RunStatus.Lobby,
    phaseTitle: null,
    endsAt: null,
    remainingMs: 0,
    over: false,
    phaseIndex: 0,
    phaseCount: 1,
    roles: {},
    editsLastMinute: 0,
    notes: null,
    harvest: null,
    ...overrides,
  };
}

/** A convening of `tables` with `people`, in round 1 at the tables, with `overrides`. */
export function payloadFixture(
  tables: DashboardTable[],
  people: DashboardPerson[],
  overrides: Partial<DashboardPayload> = {},
): DashboardPayload {
  return {
    serverNow: 1_000_000,
    version: 1,
    round: 1,
    convening: true,
    clock: ClockMode.Shared,
    gathering: Gathering.Tables,
    tableCount: tables.length,
    includeHost: false,
    tables,
    agenda: null,
    plenary: null,
    plan: [],
    seed: 1,
    spotlight: null,
    callLinks: { convening: null, tables: {} },
    unseated: [],
    people,
    ...overrides,
  };
}
