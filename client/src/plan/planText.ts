/** Words of the plan view: what a round costs, and who the plan leaves out. Pure. */
import type { DashboardPayload, DashboardPerson, PlannedRound } from '@worktable/shared';
import { countOf } from '../dashboard/format.js';

/** "No repeated pairs · 1 table with two people of one organization". */
export function roundSummary(round: Pick<PlannedRound, 'repeatedPairs' | 'sameOrganizationTables'>): string {
  const repeats = round.repeatedPairs === 0 ? 'No repeated pairs' : countOf(round.repeatedPairs, 'repeated pair');
  const tables =
    round.sameOrganizationTables === 0
      ? 'no table with two people of one organization'
      : `${countOf(round.sameOrganizationTables, 'table')} with two people of one organization`;
  return `${repeats} · ${tables}`;
}

/**
 * People the next seating would seat (here or expected, not observers; the host only when seated
 * too) whom the plan's first round leaves out — they came or were imported after the seating.
 */
export function leftOutOfPlan(dashboard: Pick<DashboardPayload, 'plan' | 'people' | 'includeHost'>): DashboardPerson[] {
  const first = dashboard.plan[0];
  if (!first || first.started) return [];
  const seated = new Set(first.tables.flatMap((table) => table.members));
  return dashboard.people.filter(
    (p) =>
      (p.present || p.expected) &&
      (p.role === 'participant' || (dashboard.includeHost && p.role === 'host')) &&
      !seated.has(p.participantId),
  );
}

/** Whether the plan can still be reshuffled: seated, and no round of it started. */
export function canReshuffle(plan: readonly Pick<PlannedRound, 'started'>[]): boolean {
  return plan.length > 0 && plan.every((round) => !round.started);
}
