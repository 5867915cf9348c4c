/** Pair history: keys, accumulation and the counts used to judge a seating. */
import type { PairHistory, SeatingPerson, SeatingPlan } from './types.js';

const SEPARATOR = '\u0000';

/** The history key of an unordered pair (ids must not contain U+0000). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}${SEPARATOR}${b}` : `${b}${SEPARATOR}${a}`;
}

/** The two ids of a history key. */
export function splitPairKey(key: string): [string, string] {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
}

/** A new history with every pair seated together in `plan` counted once more. */
export function addRoundToHistory(history: PairHistory, plan: SeatingPlan): Record<string, number> {
  const out: Record<string, number> = { ...history };
  for (const table of plan.tables) {
    for (let i = 0; i < table.length; i++) {
      for (let j = i + 1; j < table.length; j++) {
        const key = pairKey(table[i] as string, table[j] as string);
        out[key] = (out[key] ?? 0) + 1;
      }
    }
  }
  return out;
}

/** Extra meetings over the plans (and an earlier history): each pair counts `meetings - 1` when above one. */
export function countRepeatedPairs(plans: readonly SeatingPlan[], history: PairHistory = {}): number {
  let total = history;
  for (const plan of plans) total = addRoundToHistory(total, plan);
  let repeats = 0;
  for (const count of Object.values(total)) if (count > 1) repeats += count - 1;
  return repeats;
}

/** Pairs sharing a non-empty organization (or system role) at one table in `plan`. */
export function countSamePairs(plan: SeatingPlan, people: readonly SeatingPerson[], field: 'organization' | 'systemRole'): number {
  const fieldOf = new Map(people.map((p) => [p.id, p[field] ?? null]));
  let same = 0;
  for (const table of plan.tables) {
    for (let i = 0; i < table.length; i++) {
      const a = fieldOf.get(table[i] as string) ?? null;
      if (a === null) continue;
      for (let j = i + 1; j < table.length; j++) if (fieldOf.get(table[j] as string) === a) same++;
    }
  }
  return same;
}
