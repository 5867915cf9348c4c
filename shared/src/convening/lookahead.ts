/**
 * Seating one round with an eye on the next. Many seatings of a round can be equally good (every
 * seating without repeats or colleagues together in round 1 of a small group), yet some leave the
 * next round no good seating: seated one round at a time, 20 people of 5/4/4/4/3 organizations at
 * 5 tables got colleagues together at two or more tables in round 3 for a third of the seeds.
 * So several seatings are searched, and among the best for this round the one whose next round
 * (same people, tables, hosts and pins, this round added to the history) seats best is kept.
 * This round always comes first: nobody knows whether a next round will happen, and weighing the
 * two rounds' costs together sacrificed the last round for one that never came (round 3 of the
 * case above went bad for 27 % of seeds instead of none).
 */
import { mixSeed } from '../protocols/random.js';
import { meetingCost, type SeatingProblem } from './problem.js';
import { searchSeating } from './search.js';
import { EPSILON } from './searchState.js';

/** Most candidate seatings a round compares. */
const MAX_CANDIDATES = 16;
/** Fewest evaluations a candidate's search (and its next round's) gets, per person squared. */
const MIN_EVALUATIONS_PER_PAIR = 12;

/** Total pair cost of a seating. */
export function seatingCost(problem: SeatingProblem, tableOf: Int32Array): number {
  const n = problem.ids.length;
  let total = 0;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) if (tableOf[p] === tableOf[q]) total += problem.cost[p * n + q] ?? 0;
  }
  return total;
}

/** The same round's problem as it stands once `tableOf` has been seated (its pairs met once more). */
export function nextRoundProblem(problem: SeatingProblem, tableOf: Int32Array): SeatingProblem {
  const n = problem.ids.length;
  const cost = problem.cost.slice();
  const met = problem.met.slice();
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (tableOf[p] !== tableOf[q]) continue;
      const before = met[p * n + q] ?? 0;
      const extra = meetingCost(before + 1, problem.weights) - meetingCost(before, problem.weights);
      met[p * n + q] = met[q * n + p] = before + 1;
      cost[p * n + q] = cost[q * n + p] = (cost[p * n + q] ?? 0) + extra;
    }
  }
  return { ...problem, cost, met };
}

/** Whether cost pair `a` (this round, next round) is lexicographically below `b`. */
function below(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] - EPSILON || (a[0] <= b[0] + EPSILON && a[1] < b[1] - EPSILON);
}

/**
 * Table index per person. Half the budget goes to the plain search, whose seating stays unless
 * another candidate costs as little this round and leaves a cheaper next round; the other half
 * is split evenly over the next round's search for each candidate and the other candidates'
 * own searches, as many as afford `MIN_EVALUATIONS_PER_PAIR` n² each. Stops early when a
 * candidate's round and next round cost nothing.
 */
export function seatLookingAhead(problem: SeatingProblem, seed: number, budget: number): Int32Array {
  const n = problem.ids.length;
  const searches = Math.floor(budget / 2 / Math.max(1, MIN_EVALUATIONS_PER_PAIR * n * n));
  const others = Math.min(MAX_CANDIDATES - 1, Math.floor((searches - 1) / 2));
  if (others < 1) return searchSeating(problem, seed, budget);
  const perSearch = Math.floor(budget / 2 / (1 + 2 * others));
  const judge = (tableOf: Int32Array, k: number): [number, number] => {
    const next = nextRoundProblem(problem, tableOf);
    return [seatingCost(problem, tableOf), seatingCost(next, searchSeating(next, mixSeed(seed, 0x7e47 + k), perSearch))];
  };
  const first = searchSeating(problem, seed, Math.floor(budget / 2));
  let best = { tableOf: first, costs: judge(first, 0) };
  for (let k = 1; k <= others && !(best.costs[0] <= EPSILON && best.costs[1] <= EPSILON); k++) {
    const tableOf = searchSeating(problem, mixSeed(seed, 0x5ea7 + k), perSearch);
    if (seatingCost(problem, tableOf) > best.costs[0] + EPSILON) continue;
    const costs = judge(tableOf, k);
    if (below(costs, best.costs)) best = { tableOf, costs };
  }
  return best.tableOf;
}
