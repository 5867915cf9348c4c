/**
 * Seating search: a greedy construction in seeded order, a first-improvement descent (swap two
 * free people between tables, or move one between tables whose sizes differ by one), then a tabu
 * walk from there, within a deterministic evaluation budget.
 */
import { mixSeed, seededRandom, seededShuffle } from '../protocols/random.js';
import type { SeatingProblem } from './problem.js';
import { canMove, emptyState, EPSILON, move, place, swap, swapDelta, type SearchState } from './searchState.js';
import { tabuWalk } from './tabu.js';

function greedy(problem: SeatingProblem, seed: number): SearchState {
  const n = problem.ids.length;
  const T = problem.tableCount;
  const state = emptyState(problem);
  for (let p = 0; p < n; p++) {
    const t = problem.fixedTable[p] ?? -1;
    if (t >= 0) {
      state.total += state.toTable[p * T + t] ?? 0;
      place(problem, state, p, t, 1);
    }
  }
  const free = seededShuffle(
    Array.from({ length: n }, (_, i) => i).filter((i) => (problem.fixedTable[i] ?? -1) < 0),
    seed,
  );
  for (const p of free) {
    let best = -1;
    let bestCost = Infinity;
    let bestRoom = -Infinity;
    for (let t = 0; t < T; t++) {
      const room = (problem.capacity[t] ?? 0) - (state.size[t] ?? 0);
      if (room <= 0) continue;
      const c = state.toTable[p * T + t] ?? 0;
      if (c < bestCost - EPSILON || (Math.abs(c - bestCost) <= EPSILON && room > bestRoom)) {
        best = t;
        bestCost = c;
        bestRoom = room;
      }
    }
    if (best < 0) continue; // cannot happen: capacities add up to n
    state.total += bestCost;
    place(problem, state, p, best, 1);
  }
  return state;
}

/** Descends until no swap or move improves, or the budget runs out; returns evaluations used. */
function descend(problem: SeatingProblem, state: SearchState, free: number[], fixedCount: number[], budget: number): number {
  const T = problem.tableCount;
  let used = 0;
  let improved = true;
  while (improved && used < budget && state.total > EPSILON) {
    improved = false;
    for (const a of free) {
      const ta = state.tableOf[a] ?? 0;
      const fromA = state.toTable[a * T + ta] ?? 0;
      if (fromA <= EPSILON) continue; // a has nothing to gain
      for (const b of free) {
        const tb = state.tableOf[b] ?? 0;
        if (tb === ta) continue;
        used++;
        const delta = swapDelta(problem, state, a, b);
        if (delta < -EPSILON) {
          swap(problem, state, a, b);
          state.total += delta;
          improved = true;
          break;
        }
      }
      const now = state.tableOf[a] ?? 0;
      if (now === ta) {
        // A move keeps the tables balanced when it goes to a table with one seat fewer.
        for (let t = 0; t < T; t++) {
          used++;
          if (!canMove(state, fixedCount, ta, t)) continue;
          const delta = (state.toTable[a * T + t] ?? 0) - fromA;
          if (delta < -EPSILON) {
            move(problem, state, a, t);
            state.total += delta;
            improved = true;
            break;
          }
        }
      }
      if (used >= budget) break;
    }
  }
  return used;
}

/** Table index per person for the best seating found (deterministic for the seed and budget). */
export function searchSeating(problem: SeatingProblem, seed: number, budget: number): Int32Array {
  const state = greedy(problem, mixSeed(seed, 1));
  const free = Array.from({ length: problem.ids.length }, (_, i) => i).filter((i) => (problem.fixedTable[i] ?? -1) < 0);
  const random = seededRandom(mixSeed(seed, 2));
  const order = seededShuffle(free, mixSeed(seed, 3));
  const fixedCount = new Array<number>(problem.tableCount).fill(0);
  for (const t of problem.fixedTable) if (t >= 0) fixedCount[t] = (fixedCount[t] ?? 0) + 1;
  const used = descend(problem, state, order, fixedCount, budget);
  if (used >= budget || state.total <= EPSILON || order.length < 2 || problem.tableCount < 2) return state.tableOf;
  return tabuWalk(problem, state, order, fixedCount, budget - used, random).tableOf;
}
