/**
 * Several byte arrays laid end to end in one buffer, for handing to a worker thread in one piece:
 * part `i` is `bytes[ends[i - 1] ?? 0 … ends[i])`.
 */

/** Total length of `parts`. */
export function totalBytes(parts: Iterable<Uint8Array>): number {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  return total;
}

/** Copies `parts` one after the other into `target` (at least `totalBytes(parts)` long); returns where each ends. */
export function packInto(target: Uint8Array, parts: Iterable<Uint8Array>): number[] {
  const ends: number[] = [];
  let end = 0;
  for (const part of parts) {
    target.set(part, end);
    end += part.byteLength;
    ends.push(end);
  }
  return ends;
}
