/**
 * Fair role rotation: each role goes to the present, non-observer member who has held it least
 * over the session (then who holds the fewest roles overall, then a seeded order), never two
 * roles to one person while there are enough people, and locked roles stay with their holder.
 */
import type { RoleName } from './definition.js';
import { mixSeed, seededShuffle } from './random.js';

/** How many times each participant held each role over the session. */
export type RoleCounts = Record<string, Partial<Record<RoleName, number>>>;

/** Who holds which role (a role with nobody is absent). */
export type RoleHolders = Partial<Record<RoleName, string>>;

/** What a rotation needs to know. */
export interface RotationInput {
  /** Roles to fill, in priority order. */
  roles: readonly RoleName[];
  /** Present participants who may hold roles (no observers), in join order. */
  members: readonly string[];
  counts: RoleCounts;
  /** Roles the host locked to a person. */
  locked: RoleHolders;
  /** The session's seed and the number of this rotation (for a deterministic tie-break). */
  seed: number;
  rotation: number;
}

function countOf(counts: RoleCounts, participantId: string, role: RoleName): number {
  return counts[participantId]?.[role] ?? 0;
}

function totalOf(counts: RoleCounts, participantId: string): number {
  let total = 0;
  for (const n of Object.values(counts[participantId] ?? {})) total += n ?? 0;
  return total;
}

/**
 * Assigns every role; pure and deterministic for the same input. With at least as many people
 * as roles, it finds the assignment of distinct people that keeps each role's counts tightest
 * (a small exact search: each role only needs its best `roles.length` candidates, since the others
 * can take at most `roles.length - 1` of them); with fewer people, some hold two roles.
 */
export function assignRoles(input: RotationInput): RoleHolders {
  const { roles, members, counts, locked } = input;
  const order = seededShuffle(members, mixSeed(input.seed, input.rotation));
  const rank = new Map(order.map((id, index) => [id, index]));
  const holders: RoleHolders = {};
  for (const role of roles) {
    const lockedTo = locked[role];
    if (lockedTo && members.includes(lockedTo)) holders[role] = lockedTo;
  }
  const open = roles.filter((role) => !holders[role]);
  const taken = new Set(Object.values(holders));
  const free = order.filter((id) => !taken.has(id));
  if (open.length === 0 || members.length === 0) return holders;

  // Each role's fewest holdings and each person's total, once: a cost is then O(1), not a pass
  // over every member (which made a 1,000-person table's rotation quadratic).
  const least = new Map(open.map((role) => [role, members.reduce((min, m) => Math.min(min, countOf(counts, m, role)), Infinity)]));
  const totals = new Map(members.map((m) => [m, totalOf(counts, m)]));
  const cost = (role: RoleName, id: string): number =>
    (countOf(counts, id, role) - (least.get(role) ?? 0)) * 1e9 + (totals.get(id) ?? 0) * 1e4 + (rank.get(id) ?? 0);
  if (free.length < open.length) {
    // Not enough people for distinct holders: fill greedily, fewest current roles first.
    const busy = new Map<string, number>([...taken].map((id) => [id, 1]));
    for (const role of open) {
      const best = order.slice().sort((a, b) => (busy.get(a) ?? 0) - (busy.get(b) ?? 0) || cost(role, a) - cost(role, b))[0];
      if (best === undefined) continue;
      holders[role] = best;
      busy.set(best, (busy.get(best) ?? 0) + 1);
    }
    return holders;
  }
  const candidates = open.map((role) =>
    free
      .map((id) => ({ id, cost: cost(role, id) }))
      .sort((a, b) => a.cost - b.cost)
      .slice(0, open.length),
  );
  const found: { total: number; picks: string[] } = { total: Infinity, picks: [] };
  const picks: string[] = [];
  const search = (index: number, total: number) => {
    if (total >= found.total) return;
    if (index === open.length) {
      found.total = total;
      found.picks = picks.slice();
      return;
    }
    for (const candidate of candidates[index] ?? []) {
      if (picks.includes(candidate.id)) continue;
      picks.push(candidate.id);
      search(index + 1, total + candidate.cost);
      picks.pop();
    }
  };
  search(0, 0);
  open.forEach((role, index) => {
    const id = found.picks[index];
    if (id !== undefined) holders[role] = id;
  });
  return holders;
}

/** Counts after `holders` took their roles once more. */
export function countAssignments(counts: RoleCounts, holders: RoleHolders): RoleCounts {
  const next: RoleCounts = {};
  for (const [id, roles] of Object.entries(counts)) next[id] = { ...roles };
  for (const [role, participantId] of Object.entries(holders) as [RoleName, string][]) {
    next[participantId] ??= {};
    const mine = next[participantId];
    mine[role] = (mine[role] ?? 0) + 1;
  }
  return next;
}
