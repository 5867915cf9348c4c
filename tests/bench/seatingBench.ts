/**
 * Seating benchmark: 200 people (20 organizations, 5 system roles) at 40 tables over 4 rounds,
 * the classic affine cases, random reshuffling for comparison, and (issue #16) 20 people of
 * 5/4/4/4/3 organizations at 5 tables over 3 rounds seated as the server does, over many seeds.
 * Run: node --import tsx tests/bench/seatingBench.ts [--seeds 200]
 */
import {
  addRoundToHistory,
  countRepeatedPairs,
  countSamePairs,
  mixSeed,
  planRounds,
  seatRound,
  seededShuffle,
  type PairHistory,
  type SeatingPerson,
  type SeatingPlan,
} from '@worktable/shared';

const TARGET_MS = 200;

const people: SeatingPerson[] = Array.from({ length: 200 }, (_, i) => ({
  id: `p${i}`,
  organization: `org${i % 20}`,
  systemRole: `role${Math.floor(i / 20) % 5}`,
}));

const started = performance.now();
const plans = planRounds({ people, tableCount: 40, seed: 2026 }, 4);
const elapsed = performance.now() - started;
/** Four more runs of the same plan (deterministic), wall and CPU time: the machine may be shared. */
const again = Array.from({ length: 4 }, () => {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  planRounds({ people, tableCount: 40, seed: 2026 }, 4);
  return { wall: performance.now() - t0, cpu: process.cpuUsage(cpu).user / 1000 };
});
const sameOrg = plans.reduce((sum, plan) => sum + countSamePairs(plan, people, 'organization'), 0);
const sameRole = plans.reduce((sum, plan) => sum + countSamePairs(plan, people, 'systemRole'), 0);
const sizes = plans.flatMap((plan) => plan.tables.map((table) => table.length));

const classic = (q: number, rounds: number): number => {
  const group = Array.from({ length: q * q }, (_, i) => ({ id: `c${i}` }));
  return countRepeatedPairs(planRounds({ people: group, tableCount: q, seed: 7 }, rounds));
};

console.log(`200 people, 40 tables, 4 rounds: ${elapsed.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) ${elapsed <= TARGET_MS ? 'OK' : 'OVER'}`);
console.log(
  `  4 more runs: ${again.map((r) => r.wall.toFixed(1)).join(', ')} ms wall; ${again.map((r) => r.cpu.toFixed(0)).join(', ')} ms CPU`,
);
console.log(`  table sizes ${Math.min(...sizes)}..${Math.max(...sizes)}`);
console.log(`  repeated pairs ${countRepeatedPairs(plans)}, same-organization pairs ${sameOrg}, same-role pairs ${sameRole}`);
console.log(`classic 9 people / 3 tables / 4 rounds: repeated pairs ${classic(3, 4)}`);
console.log(`classic 16 people / 4 tables / 5 rounds: repeated pairs ${classic(4, 5)}`);

/** The same shape seated by random reshuffling (what breakout tools do), for comparison. */
function randomPlans(group: SeatingPerson[], tables: number, rounds: number, seed: number): SeatingPlan[] {
  return Array.from({ length: rounds }, (_, r) => {
    const out: string[][] = Array.from({ length: tables }, () => []);
    seededShuffle(
      group.map((p) => p.id),
      mixSeed(seed, r),
    ).forEach((id, i) => {
      out[i % tables]?.push(id);
    });
    return { tables: out, hosts: out.map(() => null) };
  });
}

console.log(
  '\n| people | tables | rounds | seating time (ms) | repeated pairs: seating / random | same-organization pairs: seating / random |',
);
console.log('|---|---|---|---|---|---|');
for (const [n, tables] of [
  [24, 6],
  [60, 12],
  [200, 40],
] as const) {
  const group = people.slice(0, n).map((p, i) => ({ ...p, organization: `org${i % Math.max(4, n / 10)}` }));
  const rounds = 4;
  const t0 = performance.now();
  const ours = planRounds({ people: group, tableCount: tables, seed: 11, chooseHosts: true }, rounds);
  const took = performance.now() - t0;
  const random = randomPlans(group, tables, rounds, 11);
  const org = (plans: SeatingPlan[]) => plans.reduce((sum, plan) => sum + countSamePairs(plan, group, 'organization'), 0);
  console.log(
    `| ${n} | ${tables} | ${rounds} | ${took.toFixed(1)} | ${countRepeatedPairs(ours)} / ${countRepeatedPairs(random)} | ${org(ours)} / ${org(random)} |`,
  );
}

/** Issue #16: 20 people, organizations of 5/4/4/4/3, 5 tables, 3 rounds, as the server seats them. */
const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg >= 0 ? Number(process.argv[seedsArg + 1]) : 200;
const twenty: SeatingPerson[] = [5, 4, 4, 4, 3].flatMap((size, org) =>
  Array.from({ length: size }, (_, i) => ({ id: `o${org}-${i}`, organization: `org${org}` })),
);
const organizationOf = new Map(twenty.map((p) => [p.id, p.organization]));
const withColleagues = (plan: SeatingPlan): number =>
  plan.tables.filter((t) => new Set(t.map((id) => organizationOf.get(id))).size < t.length).length;

/** Rounds like the server's reseat: hosts chosen in round 1 and kept, last round's host met again counting double. */
function serverRounds(seed: number, rounds: number): { plans: SeatingPlan[]; repeats: number[] } {
  const out: SeatingPlan[] = [];
  const repeats: number[] = [];
  let history: PairHistory = {};
  for (let round = 1; round <= rounds; round++) {
    const last = out[out.length - 1];
    const hostPairs = last
      ? last.tables.flatMap((table, t) => table.filter((id) => id !== last.hosts[t]).map((id) => [last.hosts[t] as string, id]))
      : [];
    const plan = seatRound({
      people: twenty,
      tableCount: 5,
      history: addRoundToHistory(history, { tables: hostPairs, hosts: [] }),
      hosts: last?.hosts,
      chooseHosts: true,
      seed: mixSeed(seed, round),
    });
    repeats.push(countRepeatedPairs([plan], history));
    history = addRoundToHistory(history, plan);
    out.push(plan);
  }
  return { plans: out, repeats };
}

const rounds = 3;
const tally = Array.from({ length: rounds }, () => ({ repeats: 0, tables: 0, seedsWithTwoOrMore: 0, worst: 0 }));
const twentyStarted = performance.now();
for (let seed = 0; seed < seeds; seed++) {
  const { plans: seated, repeats } = serverRounds(mixSeed(0x16, seed), rounds);
  seated.forEach((plan, r) => {
    const row = tally[r]!;
    const tables = withColleagues(plan);
    row.repeats += repeats[r] ?? 0;
    row.tables += tables;
    row.worst = Math.max(row.worst, tables);
    if (tables >= 2) row.seedsWithTwoOrMore++;
  });
}
const perPlan = (performance.now() - twentyStarted) / seeds;
console.log(
  `\n20 people (organizations 5/4/4/4/3), 5 tables, ${rounds} rounds as the server seats them, ${seeds} seeds: ${perPlan.toFixed(1)} ms per ${rounds}-round plan`,
);
console.log('\n| round | repeated pairs (all seeds) | tables with colleagues: mean / most | seeds with colleagues at ≥ 2 tables |');
console.log('|---|---|---|---|');
tally.forEach((row, r) => {
  console.log(
    `| ${r + 1} | ${row.repeats} | ${(row.tables / seeds).toFixed(2)} / ${row.worst} | ${row.seedsWithTwoOrMore} (${((100 * row.seedsWithTwoOrMore) / seeds).toFixed(1)} %) |`,
  );
});
