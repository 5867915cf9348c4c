/** Turns a seating input into indices: pair costs, fixed places (hosts, pins) and table capacities. */
import { mixSeed, seededShuffle } from '../protocols/random.js';
import { splitPairKey } from './pairs.js';
import type { SeatingInput, SeatingPerson, SeatingWeights } from './types.js';

/** Default weights: a repeated pair outweighs any spread of organizations and roles. */
export const DEFAULT_SEATING_WEIGHTS: SeatingWeights = { repeat: 1000, organization: 10, systemRole: 3 };

/** A seating round in index form. */
export interface SeatingProblem {
  ids: string[];
  tableCount: number;
  /** n × n pair costs (row-major, zero diagonal). */
  cost: Float64Array;
  /** n × n earlier meetings. */
  met: Int32Array;
  /** Table index for hosts and pinned people, −1 for free people. */
  fixedTable: Int32Array;
  /** Host index per table, −1 for none. */
  hostOf: number[];
  /** Seats per table: balanced, unless pins force a table to be larger. */
  capacity: number[];
  /** The weights the costs were built with. */
  weights: SeatingWeights;
}

/** The number of tables for an input (at least one). */
export function tableCountOf(input: SeatingInput): number {
  if (input.tableCount !== undefined) return Math.max(1, Math.floor(input.tableCount));
  if (input.tableSize !== undefined && input.tableSize > 0) return Math.max(1, Math.ceil(input.people.length / input.tableSize));
  return 1;
}

/** What seating a pair together costs for their earlier meetings (0 if they never met). */
export function meetingCost(meetings: number, weights: SeatingWeights): number {
  // A pair that met before adds one repeated pair; meeting a third time costs a little more still (spread repeats out).
  return meetings > 0 ? weights.repeat * (1 + (meetings - 1) / 4) : 0;
}

function pairCosts(input: SeatingInput, ids: string[], weights: SeatingWeights): { cost: Float64Array; met: Int32Array } {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const met = new Int32Array(n * n);
  for (const [key, count] of Object.entries(input.history ?? {})) {
    const [a, b] = splitPairKey(key);
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j || !(count > 0)) continue;
    met[i * n + j] = count;
    met[j * n + i] = count;
  }
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const p = input.people[i];
    for (let j = i + 1; j < n; j++) {
      const o = input.people[j];
      const meetings = met[i * n + j] ?? 0;
      let c = meetingCost(meetings, weights);
      if (p?.organization && p.organization === o?.organization) c += weights.organization;
      if (p?.systemRole && p.systemRole === o?.systemRole) c += weights.systemRole;
      cost[i * n + j] = c;
      cost[j * n + i] = c;
    }
  }
  return { cost, met };
}

/** Water-fills n seats over the tables, starting from the seats each table must have. */
function capacities(n: number, required: number[]): number[] {
  const capacity = required.slice();
  let left = n - required.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let smallest = 0;
    for (let t = 1; t < capacity.length; t++) if ((capacity[t] ?? 0) < (capacity[smallest] ?? 0)) smallest = t;
    const low = capacity[smallest] ?? 0;
    const room = capacity.filter((c) => c === low).length;
    // Raise every smallest table by one (or as many as there are seats left), lowest index first.
    let raised = 0;
    for (let t = 0; t < capacity.length && raised < Math.min(room, left); t++) {
      if (capacity[t] === low) {
        capacity[t] = (capacity[t] ?? 0) + 1;
        raised++;
      }
    }
    left -= raised;
  }
  return capacity;
}

/**
 * Gives every table without a host one: someone pinned there if any, else a free person in seeded
 * order whose organization has the fewest hosts so far. A host sits at the same table every round,
 * so two hosts of one organization leave its other members fewer tables to spread over (with
 * 5/4/4/4/3 people at 5 tables, three hosts of the five make round 3 seat colleagues together).
 */
function chooseHosts(people: readonly SeatingPerson[], hostOf: number[], fixedTable: Int32Array, seed: number): void {
  const order = seededShuffle(
    people.map((_, i) => i),
    seed,
  );
  const isHost = new Set(hostOf.filter((h) => h >= 0));
  const hostsOf = new Map<string, number>();
  const organizationOf = (i: number): string | null => people[i]?.organization || null;
  const hostsOfOrganization = (i: number): number => {
    const organization = organizationOf(i);
    return organization === null ? 0 : (hostsOf.get(organization) ?? 0);
  };
  const count = (i: number): void => {
    const organization = organizationOf(i);
    if (organization !== null) hostsOf.set(organization, (hostsOf.get(organization) ?? 0) + 1);
  };
  isHost.forEach(count);
  for (let t = 0; t < hostOf.length; t++) {
    if (hostOf[t] !== -1) continue;
    let pick = order.find((i) => !isHost.has(i) && fixedTable[i] === t);
    if (pick === undefined) {
      for (const i of order) {
        if (isHost.has(i) || fixedTable[i] !== -1) continue;
        if (pick === undefined || hostsOfOrganization(i) < hostsOfOrganization(pick)) pick = i;
      }
    }
    if (pick === undefined) continue;
    hostOf[t] = pick;
    isHost.add(pick);
    fixedTable[pick] = t;
    count(pick);
  }
}

/** Builds the index form of an input (duplicate ids keep their first entry). */
export function buildProblem(input: SeatingInput): SeatingProblem {
  const seen = new Set<string>();
  const people = input.people.filter((p) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
  const ids = people.map((p) => p.id);
  const n = ids.length;
  const tableCount = tableCountOf(input);
  const weights = { ...DEFAULT_SEATING_WEIGHTS, ...input.weights };
  const { cost, met } = pairCosts({ ...input, people }, ids, weights);
  const index = new Map(ids.map((id, i) => [id, i]));
  const fixedTable = new Int32Array(n).fill(-1);
  for (const [id, table] of Object.entries(input.pins ?? {})) {
    const i = index.get(id);
    if (i !== undefined && Number.isInteger(table) && table >= 0 && table < tableCount) fixedTable[i] = table;
  }
  const hostOf: number[] = new Array<number>(tableCount).fill(-1);
  for (let t = 0; t < tableCount; t++) {
    const id = input.hosts?.[t];
    const i = id ? index.get(id) : undefined;
    if (i === undefined || hostOf.includes(i)) continue;
    const pinned = fixedTable[i] ?? -1;
    if (pinned !== -1 && pinned !== t) continue;
    hostOf[t] = i;
    fixedTable[i] = t;
  }
  if (input.chooseHosts) chooseHosts(people, hostOf, fixedTable, mixSeed(input.seed, 0x4057));
  const required = new Array<number>(tableCount).fill(0);
  for (const t of fixedTable) if (t >= 0) required[t] = (required[t] ?? 0) + 1;
  return { ids, tableCount, cost, met, fixedTable, hostOf, capacity: capacities(n, required), weights };
}
