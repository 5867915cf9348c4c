/**
 * Who exactly a seating puts together that it would rather not: people of one organization at
 * one table, and pairs who already sat together in an earlier round (with the rounds). The plan
 * counts them; the host's preview and the move dialog name them. Pure.
 */
import { pairKey } from './pairs.js';
import type { TableSeating } from './sessionTypes.js';

/** Two or more people of one organization at one table. */
export interface SharedOrganization {
  organization: string;
  members: string[];
}

/** Two people at one table who sat together before, and in which rounds. */
export interface RepeatedPair {
  a: string;
  b: string;
  rounds: number[];
}

/** For each pair (`pairKey`) the rounds they sat at one table, in order. */
export type PairRounds = ReadonlyMap<string, readonly number[]>;

/** The organizations two or more of `members` share, in the order their first member sits. */
export function sharedOrganizations(
  members: readonly string[],
  organizationOf: (participantId: string) => string | null | undefined,
): SharedOrganization[] {
  const byOrganization = new Map<string, string[]>();
  for (const id of members) {
    const organization = organizationOf(id);
    if (!organization) continue;
    const group = byOrganization.get(organization);
    if (group) group.push(id);
    else byOrganization.set(organization, [id]);
  }
  return [...byOrganization].filter(([, group]) => group.length > 1).map(([organization, group]) => ({ organization, members: group }));
}

/** The pairs among `members` who sat together in `met`'s rounds. */
export function repeatedPairs(members: readonly string[], met: PairRounds): RepeatedPair[] {
  const pairs: RepeatedPair[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as string;
      const b = members[j] as string;
      const rounds = met.get(pairKey(a, b));
      if (rounds && rounds.length > 0) pairs.push({ a, b, rounds: [...rounds] });
    }
  }
  return pairs;
}

/** Adds one round's seating to `met`: every pair at one table sat together in `round`. */
export function withRound(met: PairRounds, round: number, tables: readonly Pick<TableSeating, 'members'>[]): PairRounds {
  const next = new Map(met);
  for (const { members } of tables) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = pairKey(members[i] as string, members[j] as string);
        next.set(key, [...(next.get(key) ?? []), round]);
      }
    }
  }
  return next;
}

/** Who sat with whom over `rounds`, in order. */
export function pairRoundsOf(rounds: readonly { round: number; tables: readonly Pick<TableSeating, 'members'>[] }[]): PairRounds {
  return rounds.reduce<PairRounds>((met, { round, tables }) => withRound(met, round, tables), new Map());
}
