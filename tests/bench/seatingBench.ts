/**
 * Seating benchmark: 200 people (20 organizations, 5 system roles) at 40 tables over 4 rounds,
 * plus the classic affine cases. Run: node --import tsx tests/bench/seatingBench.ts
 */
import { countRepeatedPairs, countSamePairs, mixSeed, planRounds, seededShuffle, type SeatingPerson, type SeatingPlan } from '@worktable/shared';

const TARGET_MS = 200;

const people: SeatingPerson[] = Array.from({ length: 200 }, (_, i) => ({
  id: `p${i}`,
  organization: `org${i % 20}`,
  systemRole: `role${Math.floor(i / 20) % 5}`,
}));

const started = performance.now();
const plans = planRounds({ people, tableCount: 40, seed: 2026 }, 4);
const elapsed = performance.now() - started;
const sameOrg = plans.reduce((sum, plan) => sum + countSamePairs(plan, people, 'organization'), 0);
const sameRole = plans.reduce((sum, plan) => sum + countSamePairs(plan, people, 'systemRole'), 0);
const sizes = plans.flatMap((plan) => plan.tables.map((table) => table.length));

const classic = (q: number, rounds: number): number => {
  const group = Array.from({ length: q * q }, (_, i) => ({ id: `c${i}` }));
  return countRepeatedPairs(planRounds({ people: group, tableCount: q, seed: 7 }, rounds));
};

console.log(`200 people, 40 tables, 4 rounds: ${elapsed.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) ${elapsed <= TARGET_MS ? 'OK' : 'OVER'}`);
console.log(`  table sizes ${Math.min(...sizes)}..${Math.max(...sizes)}`);
console.log(`  repeated pairs ${countRepeatedPairs(plans)}, same-organization pairs ${sameOrg}, same-role pairs ${sameRole}`);
console.log(`classic 9 people / 3 tables / 4 rounds: repeated pairs ${classic(3, 4)}`);
console.log(`classic 16 people / 4 tables / 5 rounds: repeated pairs ${classic(4, 5)}`);

/** The same shape seated by random reshuffling (what breakout tools do), for comparison. */
function randomPlans(group: SeatingPerson[], tables: number, rounds: number, seed: number): SeatingPlan[] {
  return Array.from({ length: rounds }, (_, r) => {
    const out: string[][] = Array.from({ length: tables }, () => []);
    seededShuffle(group.map((p) => p.id), mixSeed(seed, r)).forEach((id, i) => out[i % tables]?.push(id));
    return { tables: out, hosts: out.map(() => null) };
  });
}

console.log('\n| people | tables | rounds | seating time (ms) | repeated pairs: seating / random | same-organization pairs: seating / random |');
console.log('|---|---|---|---|---|---|');
for (const [n, tables] of [[24, 6], [60, 12], [200, 40]] as const) {
  const group = people.slice(0, n).map((p, i) => ({ ...p, organization: `org${i % Math.max(4, n / 10)}` }));
  const rounds = 4;
  const t0 = performance.now();
  const ours = planRounds({ people: group, tableCount: tables, seed: 11, chooseHosts: true }, rounds);
  const took = performance.now() - t0;
  const random = randomPlans(group, tables, rounds, 11);
  const org = (plans: SeatingPlan[]) => plans.reduce((sum, plan) => sum + countSamePairs(plan, group, 'organization'), 0);
  console.log(`| ${n} | ${tables} | ${rounds} | ${took.toFixed(1)} | ${countRepeatedPairs(ours)} / ${countRepeatedPairs(random)} | ${org(ours)} / ${org(random)} |`);
}
