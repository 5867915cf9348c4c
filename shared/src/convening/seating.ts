/**
 * Seating people at tables, round after round: pins are respected, table hosts stay, tables are
 * balanced (sizes differ by at most one unless pins force more), as few pairs as possible meet
 * twice, then organizations and system roles are spread. Pure and deterministic for a seed.
 */
import { mixSeed, seededShuffle } from '../protocols/random.js';
import { AFFINE_ORDERS, affineParallelClass } from './affine.js';
import { addRoundToHistory } from './pairs.js';
import { buildProblem, tableCountOf } from './problem.js';
import { seatLookingAhead } from './lookahead.js';
import type { SeatingInput, SeatingPlan } from './types.js';

/** Seeded labellings of the affine plane tried for the best spread of organizations and roles. */
const AFFINE_LABELLINGS = 64;

/**
 * Default evaluation budget for a round: twice what the plain search alone used to get (at least
 * 400 000, at most 2 000 000), since looking ahead takes half; from about 180 people half cannot
 * pay for looking ahead, and the plain search gets it all.
 */
function defaultBudget(n: number): number {
  return Math.max(400_000, Math.min(2_000_000, 100 * n * n));
}

/** Seats one round (looking one round ahead when the budget affords it, see `seatLookingAhead`). */
export function seatRound(input: SeatingInput): SeatingPlan {
  const problem = buildProblem(input);
  const n = problem.ids.length;
  const tableOf = seatLookingAhead(problem, input.seed, input.maxEvaluations ?? defaultBudget(n));
  const tables: string[][] = Array.from({ length: problem.tableCount }, () => []);
  const hosts = problem.hostOf.map((h) => (h >= 0 ? (problem.ids[h] ?? null) : null));
  problem.hostOf.forEach((h, t) => {
    if (h >= 0) tables[t]?.push(problem.ids[h] as string);
  });
  for (let p = 0; p < n; p++) {
    const t = tableOf[p] ?? 0;
    if (problem.hostOf[t] !== p) tables[t]?.push(problem.ids[p] as string);
  }
  return { tables, hosts };
}

/**
 * The affine-plane seating when it applies: q² people, q tables, at most q + 1 rounds, no hosts
 * or pins, and nobody has met before. Returns null otherwise.
 */
function affinePlan(input: SeatingInput, rounds: number): SeatingPlan[] | null {
  const ids = [...new Set(input.people.map((p) => p.id))];
  const q = tableCountOf(input);
  if (!AFFINE_ORDERS.includes(q) || ids.length !== q * q || rounds > q + 1) return null;
  if (input.chooseHosts || (input.hosts ?? []).some((h) => h) || Object.keys(input.pins ?? {}).some((id) => ids.includes(id))) return null;
  const problem = buildProblem({ ...input, hosts: [], pins: {} });
  if (problem.met.some((m) => m > 0)) return null;
  const classes = Array.from({ length: rounds }, (_, r) => affineParallelClass(q, r));
  // Any labelling of the points avoids repeats; keep the seeded one that best spreads organizations and roles.
  let points: number[] = [];
  let bestCost = Infinity;
  for (let attempt = 0; attempt < AFFINE_LABELLINGS && bestCost > 0; attempt++) {
    const labels = seededShuffle(
      ids.map((_, i) => i),
      mixSeed(input.seed, 0xa5f1 + attempt),
    );
    let cost = 0;
    for (const lines of classes) {
      for (const line of lines) {
        for (let i = 0; i < line.length; i++) {
          for (let j = i + 1; j < line.length; j++)
            cost += problem.cost[(labels[line[i] ?? 0] ?? 0) * ids.length + (labels[line[j] ?? 0] ?? 0)] ?? 0;
        }
      }
    }
    if (cost < bestCost) [points, bestCost] = [labels, cost];
  }
  return classes.map((lines) => ({
    tables: lines.map((line) => line.map((point) => ids[points[point] ?? 0] as string)),
    hosts: lines.map(() => null),
  }));
}

/**
 * Seats `rounds` rounds with the same people, each round counting the ones before it; hosts
 * chosen in the first round stay. Uses an affine plane (no repeated pair at all) for the classic
 * q² people at q tables when it applies, else `seatRound` per round with a per-round seed.
 */
export function planRounds(input: SeatingInput, rounds: number): SeatingPlan[] {
  const affine = affinePlan(input, rounds);
  if (affine) return affine;
  const plans: SeatingPlan[] = [];
  let history = input.history ?? {};
  let hosts = input.hosts;
  for (let r = 0; r < rounds; r++) {
    const plan = seatRound({ ...input, history, hosts, seed: mixSeed(input.seed, r) });
    plans.push(plan);
    history = addRoundToHistory(history, plan);
    hosts = plan.hosts;
  }
  return plans;
}
