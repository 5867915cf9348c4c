import { describe, expect, it } from 'vitest';
import { mixSeed, seededShuffle } from '../protocols/random.js';
import { affineParallelClass } from './affine.js';
import { addRoundToHistory, countRepeatedPairs, countSamePairs, pairKey } from './pairs.js';
import { planRounds, seatRound } from './seating.js';
import type { SeatingPerson, SeatingPlan } from './types.js';

const group = (n: number, orgs = 0, roles = 0): SeatingPerson[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    organization: orgs ? `org${i % orgs}` : null,
    systemRole: roles ? `role${i % roles}` : null,
  }));

function expectBalanced(plan: SeatingPlan, n: number): void {
  const sizes = plan.tables.map((t) => t.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  const seated = plan.tables.flat();
  expect(seated).toHaveLength(n);
  expect(new Set(seated).size).toBe(n);
}

/** A seeded random seating of the same shape, for comparison. */
function randomPlans(people: SeatingPerson[], tables: number, rounds: number, seed: number): SeatingPlan[] {
  return Array.from({ length: rounds }, (_, r) => {
    const order = seededShuffle(
      people.map((p) => p.id),
      mixSeed(seed, r),
    );
    const out: string[][] = Array.from({ length: tables }, () => []);
    order.forEach((id, i) => {
      out[i % tables]?.push(id);
    });
    return { tables: out, hosts: out.map(() => null) };
  });
}

describe('affine planes', () => {
  it.each([2, 3, 4, 5, 7])('AG(2, %i): every pair of points on exactly one line', (q) => {
    const met = new Map<string, number>();
    for (let r = 0; r <= q; r++) {
      const lines = affineParallelClass(q, r);
      expect(lines.map((l) => l.length)).toEqual(new Array<number>(q).fill(q));
      for (const line of lines)
        for (const a of line) for (const b of line) if (a < b) met.set(`${a},${b}`, (met.get(`${a},${b}`) ?? 0) + 1);
    }
    expect(met.size).toBe((q * q * (q * q - 1)) / 2);
    expect([...met.values()].every((c) => c === 1)).toBe(true);
  });
});

describe('seating', () => {
  it('9 people at 3 tables of 3 over 4 rounds: no repeated pair', () => {
    const plans = planRounds({ people: group(9), tableCount: 3, seed: 1 }, 4);
    plans.forEach((plan) => {
      expect(plan.tables.map((t) => t.length)).toEqual([3, 3, 3]);
    });
    expect(countRepeatedPairs(plans)).toBe(0);
  });

  it('9 people of 3 organizations over 3 rounds: no repeated pair and no table sharing an organization', () => {
    const people = group(9, 3);
    const plans = planRounds({ people, tableCount: 3, seed: 8 }, 3);
    expect(countRepeatedPairs(plans)).toBe(0);
    expect(plans.reduce((s, p) => s + countSamePairs(p, people, 'organization'), 0)).toBe(0);
  });

  it('16 people at 4 tables of 4 over 5 rounds: no repeated pair', () => {
    for (const seed of [1, 2, 3]) {
      const plans = planRounds({ people: group(16), tableSize: 4, seed }, 5);
      plans.forEach((plan) => {
        expect(plan.tables.map((t) => t.length)).toEqual([4, 4, 4, 4]);
      });
      expect(countRepeatedPairs(plans)).toBe(0);
    }
  });

  it('30 people at 6 tables over 4 rounds: balanced, pins and hosts kept, few repeats, organizations spread', () => {
    const people = group(30, 6, 3);
    const hosts = ['p0', null, 'p7', null, null, null];
    const pins = { p1: 1, p2: 1, p13: 4 };
    const plans = planRounds({ people, tableCount: 6, hosts, chooseHosts: true, pins, seed: 42 }, 4);
    const chosen = plans[0]?.hosts ?? [];
    expect(chosen[0]).toBe('p0');
    expect(chosen[2]).toBe('p7');
    expect(chosen.every((h) => h !== null)).toBe(true);
    plans.forEach((plan, round) => {
      expectBalanced(plan, 30);
      expect(plan.hosts).toEqual(chosen);
      plan.tables.forEach((table, t) => {
        expect(table[0]).toBe(chosen[t]);
      });
      for (const [id, t] of Object.entries(pins)) expect(plan.tables[t]).toContain(id);
      // 6 organizations of 5 people over 6 tables: nobody needs to share a table with two colleagues.
      // In round 4 the fewest repeats can take a third colleague at a table (the pinned pair and the
      // hosts have met most of the room): before issue #16 that happened for 47 of seeds 0–99, so
      // round 4 is not held to it.
      if (round === 3) return;
      for (const table of plan.tables) {
        const orgs = table.map((id) => people.find((p) => p.id === id)?.organization);
        for (const org of new Set(orgs)) expect(orgs.filter((o) => o === org).length).toBeLessThan(3);
      }
    });
    const repeats = countRepeatedPairs(plans);
    const baseline = countRepeatedPairs(randomPlans(people, 6, 4, 42));
    // Hosts and pinned people meet their table-mates every round, so some repeats are forced.
    expect(repeats).toBeLessThan(baseline / 2);
    const sameOrg = plans.reduce((s, p) => s + countSamePairs(p, people, 'organization'), 0);
    const baselineOrg = randomPlans(people, 6, 4, 42).reduce((s, p) => s + countSamePairs(p, people, 'organization'), 0);
    expect(sameOrg).toBeLessThan(baselineOrg);
  });

  it('without hosts or pins, 30 people at 6 tables over 4 rounds: no repeats, organizations spread', () => {
    const people = group(30, 6, 3);
    const plans = planRounds({ people, tableCount: 6, seed: 5 }, 4);
    plans.forEach((plan) => {
      expectBalanced(plan, 30);
    });
    expect(countRepeatedPairs(plans)).toBe(0);
    const sameOrg = plans.reduce((s, p) => s + countSamePairs(p, people, 'organization'), 0);
    const baselineOrg = randomPlans(people, 6, 4, 5).reduce((s, p) => s + countSamePairs(p, people, 'organization'), 0);
    expect(sameOrg).toBeLessThan(baselineOrg / 4);
  });

  it('is deterministic for a seed and varies with it', () => {
    const input = { people: group(30, 5, 2), tableCount: 6, pins: { p3: 2 }, seed: 9 };
    expect(planRounds(input, 3)).toEqual(planRounds(input, 3));
    expect(seatRound(input)).toEqual(seatRound({ ...input }));
    expect(planRounds({ ...input, seed: 10 }, 3)).not.toEqual(planRounds(input, 3));
  });

  it('handles people who leave and arrive between rounds', () => {
    const first = group(24);
    const r1 = seatRound({ people: first, tableCount: 6, seed: 3 });
    let history = addRoundToHistory({}, r1);
    // Four leave, six arrive.
    const second = [...first.slice(4), ...Array.from({ length: 6 }, (_, i) => ({ id: `new${i}` }))];
    const r2 = seatRound({ people: second, tableCount: 6, history, hosts: r1.hosts, seed: 4 });
    expectBalanced(r2, 26);
    expect(r2.tables.flat()).not.toContain('p0');
    expect(r2.tables.flat()).toContain('new5');
    expect(countRepeatedPairs([r2], history)).toBe(0);
    history = addRoundToHistory(history, r2);
    expect(history[pairKey('new0', 'new1')] ?? 0).toBeLessThanOrEqual(1);
  });

  it('computes the table count from a table size, and a pin beats balance when it must', () => {
    expect(
      seatRound({ people: group(10), tableSize: 4, seed: 1 })
        .tables.map((t) => t.length)
        .sort(),
    ).toEqual([3, 3, 4]);
    const pins = { p0: 0, p1: 0, p2: 0, p3: 0 };
    const plan = seatRound({ people: group(6), tableCount: 3, pins, seed: 1 });
    expect(plan.tables[0]?.slice().sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(plan.tables.flat()).toHaveLength(6);
  });

  it('a host pinned to another table stays pinned (pins come first)', () => {
    const plan = seatRound({ people: group(8), tableCount: 2, hosts: ['p0', null], pins: { p0: 1 }, seed: 1 });
    expect(plan.hosts[0]).toBeNull();
    expect(plan.tables[1]).toContain('p0');
  });
});

describe('seating over 200 random instances', () => {
  it('repeats no more pairs than random reshuffling, in every instance (both totals reported)', () => {
    let ours = 0;
    let random = 0;
    let sameOrgOurs = 0;
    let sameOrgRandom = 0;
    for (let instance = 0; instance < 200; instance++) {
      const draw = seededShuffle([12, 16, 20, 24, 30, 36, 40, 48], instance);
      const n = draw[0] as number;
      const tables = Math.max(2, Math.round(n / (4 + (instance % 3))));
      const rounds = 3 + (instance % 2);
      const people = group(n, 2 + (instance % 5), 3);
      const plans = planRounds({ people, tableCount: tables, seed: instance, maxEvaluations: 20_000 }, rounds);
      const baseline = randomPlans(people, tables, rounds, instance + 1);
      const mine = countRepeatedPairs(plans);
      const theirs = countRepeatedPairs(baseline);
      expect(mine).toBeLessThanOrEqual(theirs);
      ours += mine;
      random += theirs;
      sameOrgOurs += plans.reduce((sum, plan) => sum + countSamePairs(plan, people, 'organization'), 0);
      sameOrgRandom += baseline.reduce((sum, plan) => sum + countSamePairs(plan, people, 'organization'), 0);
      for (const plan of plans) expectBalanced(plan, n);
    }
    // Shared code has no console typings (no DOM, no Node); the test runner has one.
    (globalThis as unknown as { console: { log(message: string): void } }).console.log(
      `200 random instances: repeated pairs ${ours} (seating) vs ${random} (random reshuffle); same-organization pairs ${sameOrgOurs} vs ${sameOrgRandom}`,
    );
    expect(ours).toBeLessThan(random);
    expect(sameOrgOurs).toBeLessThan(sameOrgRandom);
  });
});
