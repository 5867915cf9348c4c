/**
 * Affine planes AG(2, q): q² points in q + 1 parallel classes of q lines of q points, any two
 * points on exactly one line. Seating class r in round r gives q + 1 rounds with no repeated pair.
 */

/** Orders with a field here: primes use arithmetic mod q, 4 uses GF(4). */
export const AFFINE_ORDERS: readonly number[] = [2, 3, 4, 5, 7];

/** GF(4) multiplication (elements 0, 1, a = 2, a + 1 = 3, with a² = a + 1); addition is XOR. */
const GF4_MUL: readonly (readonly number[])[] = [
  [0, 0, 0, 0],
  [0, 1, 2, 3],
  [0, 2, 3, 1],
  [0, 3, 1, 2],
];

/** y − m·x in GF(q). */
function intercept(q: number, m: number, x: number, y: number): number {
  if (q === 4) return y ^ (GF4_MUL[m]?.[x] ?? 0);
  return (((y - m * x) % q) + q) % q;
}

/**
 * Parallel class `round` (0..q) of AG(2, q) as q lines of point indices (point = x·q + y):
 * class 0 is the vertical lines x = c, class m + 1 the lines y = m·x + b.
 */
export function affineParallelClass(q: number, round: number): number[][] {
  if (!AFFINE_ORDERS.includes(q)) throw new Error(`no affine plane of order ${q} here`);
  if (round < 0 || round > q) throw new Error(`AG(2, ${q}) has ${q + 1} parallel classes`);
  const lines: number[][] = Array.from({ length: q }, () => []);
  for (let x = 0; x < q; x++) {
    for (let y = 0; y < q; y++) {
      const line = round === 0 ? x : intercept(q, round - 1, x, y);
      lines[line]?.push(x * q + y);
    }
  }
  return lines;
}
