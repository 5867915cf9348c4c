/**
 * The seating plan a host previews before and during a convening: every round of the agenda as
 * it will be seated if the same people are there (the real rounds run the same deterministic
 * seating, so the preview is what happens), with what each round costs in repeated pairs and
 * tables that hold two people of one organization.
 */
import { BlockKind } from './agenda.js';
import { repeatedPairs, sharedOrganizations, withRound, type PairRounds } from './planDetails.js';
import { reseat } from './tableSeating.js';
import type { SessionContext, SessionControl, SessionPerson, TableSeating } from './sessionTypes.js';

/** One round of the plan. */
export interface PlannedRound {
  round: number;
  blockId: string;
  tables: TableSeating[];
  /** Pairs at one table who already sat together in an earlier round of the plan. */
  repeatedPairs: number;
  /** Tables where two or more people share an organization. */
  sameOrganizationTables: number;
  /** Whether the round already started (its seating is what happened, not a plan). */
  started: boolean;
}

/** Tables holding two or more people of one organization. */
export function sameOrganizationTables(tables: readonly TableSeating[], people: readonly SessionPerson[]): number {
  const organization = new Map(people.map((p) => [p.id, p.organization ?? null]));
  return tables.filter((table) => sharedOrganizations(table.members, (id) => organization.get(id)).length > 0).length;
}

/** Pairs at one table who met in an earlier round of `met`. */
function repeatsIn(tables: readonly TableSeating[], met: PairRounds): number {
  return tables.reduce((sum, table) => sum + repeatedPairs(table.members, met).length, 0);
}

/**
 * Every round of the agenda, seated: rounds that started as they did, the current seating for the
 * next round to start, and the later ones as the seating will make them (before the agenda starts,
 * the expected people on the roster count as present). Empty when nobody is seated yet.
 */
export function planSeatings(control: SessionControl, context: SessionContext): PlannedRound[] {
  if (!control.convening || control.tables.length === 0) return [];
  const planning = control.seatings.length === 0;
  const people = planning ? context.people.map((p) => ({ ...p, present: p.present || p.expected === true })) : context.people;
  const ctx: SessionContext = { ...context, people };
  const rounds: PlannedRound[] = [];
  let sim = control;
  let met: PairRounds = new Map();
  for (const block of control.agenda) {
    if (block.kind !== BlockKind.Tables) continue;
    const happened = control.seatings.find((s) => s.blockId === block.id);
    let tables: TableSeating[];
    if (happened) tables = happened.tables;
    else if (block.round <= sim.round) tables = sim.tables;
    else {
      sim = block.reseat ? reseat(sim, ctx, block.round) : { ...sim, round: block.round };
      tables = sim.tables;
    }
    if (happened) sim = { ...sim, round: block.round, tables: block.round === control.round ? control.tables : happened.tables };
    rounds.push({
      round: block.round,
      blockId: block.id,
      tables,
      repeatedPairs: repeatsIn(tables, met),
      sameOrganizationTables: sameOrganizationTables(tables, people),
      started: happened !== undefined,
    });
    met = withRound(met, block.round, tables);
  }
  return rounds;
}
