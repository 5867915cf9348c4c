/**
 * Seating benchmark: 200 people (20 organizations, 5 system roles) at 40 tables over 4 rounds,
 * plus the classic affine cases. Run: node --import tsx tests/bench/seatingBench.ts
 */
import { countRepeatedPairs, countSamePairs, planRounds, type SeatingPerson } from '@worktable/shared';

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
