/**
 * Issue #16: 20 people of five organizations (5/4/4/4/3) at 5 tables over 3 rounds, seated one
 * round at a time as the server does. Round 3 used to put colleagues together at two or more
 * tables for most seeds although seatings with at most one such table exist.
 */
import { describe, expect, it } from 'vitest';
import { mixSeed } from '../protocols/random.js';
import { addRoundToHistory, countRepeatedPairs } from './pairs.js';
import { seatRound } from './seating.js';
import type { PairHistory, SeatingPerson, SeatingPlan } from './types.js';

/** 20 people: organization A has 5, B, C and D have 4, E has 3. */
const grouped: SeatingPerson[] = [5, 4, 4, 4, 3].flatMap((size, org) =>
  Array.from({ length: size }, (_, i) => ({ id: `${'ABCDE'[org]}${i}`, organization: `org-${'ABCDE'[org]}` })),
);
/** The same people in the order they might join: one of each organization in turn. */
const interleaved = [...grouped].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
const organizationOf = new Map(grouped.map((p) => [p.id, p.organization]));

/** Tables where two or more people share an organization. */
function tablesWithColleagues(plan: SeatingPlan): number {
  return plan.tables.filter((table) => new Set(table.map((id) => organizationOf.get(id))).size < table.length).length;
}

/**
 * Three rounds seated like the server's reseat: history of the rounds so far, table hosts chosen
 * in round 1 and kept, and (travelers move) meeting last round's table host again counting double.
 */
function serverRounds(
  people: readonly SeatingPerson[],
  seed: number,
  withHosts: boolean,
): { plans: SeatingPlan[]; histories: PairHistory[] } {
  const plans: SeatingPlan[] = [];
  const histories: PairHistory[] = [];
  let history: PairHistory = {};
  for (let round = 1; round <= 3; round++) {
    const last = plans[plans.length - 1];
    const hostPairs =
      last && withHosts
        ? last.tables.flatMap((table, t) => table.filter((id) => id !== last.hosts[t]).map((id) => [last.hosts[t] as string, id]))
        : [];
    const weighted = addRoundToHistory(history, { tables: hostPairs, hosts: [] });
    const plan = seatRound({
      people,
      tableCount: 5,
      history: weighted,
      hosts: withHosts ? last?.hosts : undefined,
      chooseHosts: withHosts,
      seed: mixSeed(seed, round),
    });
    histories.push(history);
    plans.push(plan);
    history = addRoundToHistory(history, plan);
  }
  return { plans, histories };
}

describe('seating 20 people of 5/4/4/4/3 at 5 tables', () => {
  it('chooses hosts of five different organizations (a host of each), for 50 seeds', () => {
    for (let seed = 0; seed < 50; seed++) {
      const plan = seatRound({ people: grouped, tableCount: 5, chooseHosts: true, seed: mixSeed(seed, 1) });
      expect(new Set(plan.hosts.map((h) => organizationOf.get(h ?? ''))).size).toBe(5);
    }
  });

  it.each([
    ['hosts chosen and kept, people grouped by organization', grouped, true],
    ['hosts chosen and kept, people interleaved', interleaved, true],
    ['no hosts', grouped, false],
  ] as const)('%s: every round of 50 seeds has no repeated pair and colleagues at one table at most', (_, people, withHosts) => {
    const failures: string[] = [];
    for (let seed = 0; seed < 50; seed++) {
      const { plans, histories } = serverRounds(people, seed, withHosts);
      plans.forEach((plan, r) => {
        const repeats = countRepeatedPairs([plan], histories[r]);
        const colleagues = tablesWithColleagues(plan);
        if (repeats > 0 || colleagues > 1)
          failures.push(`seed ${seed} round ${r + 1}: ${repeats} repeated pairs, ${colleagues} tables with colleagues`);
        if (withHosts) expect(plan.hosts).toEqual(plans[0]?.hosts);
        expect(plan.tables.map((t) => t.length)).toEqual([4, 4, 4, 4, 4]);
      });
    }
    expect(failures).toEqual([]);
  });
});
