/**
 * The state a seating search keeps in step with its moves: the table of each person, table sizes,
 * each person's summed pair cost to every table, and the total cost.
 */
import type { SeatingProblem } from './problem.js';

/** Costs closer than this count as equal. */
export const EPSILON = 1e-9;

/** Table index per person, and the search state kept in step with it. */
export interface SearchState {
  tableOf: Int32Array;
  size: Int32Array;
  /** n × T: sum of pair costs from a person to everyone at a table. */
  toTable: Float64Array;
  total: number;
}

/** A state with nobody seated. */
export function emptyState(problem: SeatingProblem): SearchState {
  const n = problem.ids.length;
  const T = problem.tableCount;
  return { tableOf: new Int32Array(n).fill(-1), size: new Int32Array(T), toTable: new Float64Array(n * T), total: 0 };
}

/** Seats `p` at table `t` (sign 1) or removes them from it (sign −1); `total` is the caller's. */
export function place(problem: SeatingProblem, state: SearchState, p: number, t: number, sign: 1 | -1): void {
  const n = problem.ids.length;
  const T = problem.tableCount;
  for (let q = 0; q < n; q++) state.toTable[q * T + t] = (state.toTable[q * T + t] ?? 0) + sign * (problem.cost[q * n + p] ?? 0);
  state.size[t] = (state.size[t] ?? 0) + sign;
  state.tableOf[p] = sign === 1 ? t : -1;
}

/** Summed pair cost from `p` to the people at their own table. */
export function ownCost(problem: SeatingProblem, state: SearchState, p: number): number {
  return state.toTable[p * problem.tableCount + (state.tableOf[p] ?? 0)] ?? 0;
}

/** Change of the total if `a` and `b` (at different tables) traded places. */
export function swapDelta(problem: SeatingProblem, state: SearchState, a: number, b: number): number {
  const n = problem.ids.length;
  const T = problem.tableCount;
  const ta = state.tableOf[a] ?? 0;
  const tb = state.tableOf[b] ?? 0;
  const w = problem.cost[a * n + b] ?? 0;
  return (
    (state.toTable[a * T + tb] ?? 0) -
    w +
    (state.toTable[b * T + ta] ?? 0) -
    w -
    (state.toTable[a * T + ta] ?? 0) -
    (state.toTable[b * T + tb] ?? 0)
  );
}

/** Trades the places of `a` and `b` (the caller adds `swapDelta` to the total). */
export function swap(problem: SeatingProblem, state: SearchState, a: number, b: number): void {
  const ta = state.tableOf[a] ?? 0;
  const tb = state.tableOf[b] ?? 0;
  place(problem, state, a, ta, -1);
  place(problem, state, b, tb, -1);
  place(problem, state, a, tb, 1);
  place(problem, state, b, ta, 1);
}

/** Moves `p` to table `t` (the caller updates the total). */
export function move(problem: SeatingProblem, state: SearchState, p: number, t: number): void {
  place(problem, state, p, state.tableOf[p] ?? 0, -1);
  place(problem, state, p, t, 1);
}

/** Puts everyone back where `tableOf` has them, with that seating's total. */
export function restore(problem: SeatingProblem, state: SearchState, tableOf: Int32Array, total: number): void {
  for (let p = 0; p < problem.ids.length; p++) {
    const want = tableOf[p] ?? 0;
    if (state.tableOf[p] !== want) move(problem, state, p, want);
  }
  state.total = total;
}

/** One to three random swaps of free people between different tables, to leave a local minimum. */
export function kick(problem: SeatingProblem, state: SearchState, free: readonly number[], random: () => number): void {
  const kicks = 1 + Math.floor(random() * 3);
  for (let k = 0; k < kicks; k++) {
    const a = free[Math.floor(random() * free.length)] ?? 0;
    const b = free[Math.floor(random() * free.length)] ?? 0;
    if (state.tableOf[a] === state.tableOf[b]) continue;
    state.total += swapDelta(problem, state, a, b);
    swap(problem, state, a, b);
  }
}

/** Whether someone may move from table `from` to table `t` keeping tables balanced (and `from` a seat for each of its fixed people). */
export function canMove(state: SearchState, fixedCount: readonly number[], from: number, t: number): boolean {
  // Sizes swap, so `from` must keep a seat for each of its fixed people.
  return (state.size[t] ?? 0) + 1 === (state.size[from] ?? 0) && (state.size[t] ?? 0) >= (fixedCount[from] ?? 0);
}
