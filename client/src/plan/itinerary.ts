/**
 * Itineraries: where each person sits in every round of the plan — "Round 1: Table 3 · Round 2:
 * Table 5 · Round 3: Table 1" — to print, hand out or copy into a message. Pure.
 */
import type { DashboardPerson, PlannedRound } from '@worktable/shared';

/** One round of someone's itinerary. */
export interface ItineraryStop {
  round: number;
  /** The table's name, or null when the plan seats them nowhere that round. */
  tableName: string | null;
  /** They host that table. */
  hosts: boolean;
}

/** Someone's itinerary. */
export interface Itinerary {
  participantId: string;
  name: string;
  organization: string | null;
  stops: ItineraryStop[];
}

/** Everyone the plan seats in some round, by name, with their table in every round. */
export function itinerariesOf(
  plan: readonly PlannedRound[],
  people: readonly Pick<DashboardPerson, 'participantId' | 'name' | 'organization'>[],
): Itinerary[] {
  const seated = new Set(plan.flatMap((round) => round.tables.flatMap((table) => table.members)));
  return people
    .filter((person) => seated.has(person.participantId))
    .map((person) => ({
      participantId: person.participantId,
      name: person.name,
      organization: person.organization,
      stops: plan.map((round) => {
        const table = round.tables.find((t) => t.members.includes(person.participantId));
        return { round: round.round, tableName: table?.name ?? null, hosts: table?.host === person.participantId };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId));
}

/** "Round 1: Table 3 (host) · Round 2: Table 5 · Round 3: not seated". */
export function stopsText(stops: readonly ItineraryStop[]): string {
  return stops
    .map((stop) => `Round ${stop.round}: ${stop.tableName === null ? 'not seated' : `${stop.tableName}${stop.hosts ? ' (host)' : ''}`}`)
    .join(' · ');
}

/** "Ana Alvarez — Round 1: Table 3 · Round 2: Table 5". */
export function itineraryLine(itinerary: Itinerary): string {
  return `${itinerary.name} — ${stopsText(itinerary.stops)}`;
}

/** Every itinerary, one line each. */
export function itinerariesText(itineraries: readonly Itinerary[]): string {
  return itineraries.map(itineraryLine).join('\n');
}
