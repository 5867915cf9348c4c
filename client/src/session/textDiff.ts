/**
 * Minimal text diffing and cursor mapping for binding a plain `<textarea>` to a `Y.Text`.
 */

/** One splice: at `index`, delete `remove` characters and insert `insert`. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The single splice turning `before` into `after`, found by trimming the common prefix and suffix.
 * `cursor` (the caret after the edit) disambiguates repeated characters, e.g. typing "a" in "aa".
 */
export function diffText(before: string, after: string, cursor = after.length): TextSplice | null {
  if (before === after) return null;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The edit ends at the caret at the latest: do not let the prefix run past the inserted text.
  const inserted = after.length - before.length;
  if (inserted > 0) prefix = Math.min(prefix, Math.max(0, cursor - inserted));
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** A Y.Text delta op (`retain`, `insert` of a string, or `delete`). */
export interface TextDeltaOp {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

/**
 * Where a caret at `position` in the old text ends up after a remote change described by `delta`.
 * Text inserted exactly at the caret goes after it (the caret stays put); deletions before the
 * caret pull it left.
 */
export function mapPosition(position: number, delta: readonly TextDeltaOp[]): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex >= position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (typeof op.insert === 'string') {
      shift += op.insert.length;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    }
  }
  return position + shift;
}
