/**
 * The `Range` header of a download (RFC 9110 §14): one range of bytes, `bytes=first-last`,
 * `bytes=first-` or `bytes=-suffixLength`. Several ranges at once are answered with the whole file,
 * as the RFC allows, and so is anything malformed.
 */
import type { ByteRange } from '../storage/uploadBytes.js';

/** A Range the file cannot satisfy (it starts past the end): answered 416. */
export const UNSATISFIABLE = 'unsatisfiable';

/**
 * The range a request asks for, of a file of `size` bytes whose entity tag is `etag`: null for the
 * whole file (no Range, one we do not serve, or an `If-Range` naming another version of the file).
 */
export function requestedRange(
  range: string | undefined,
  ifRange: string | undefined,
  etag: string,
  size: number,
): ByteRange | typeof UNSATISFIABLE | null {
  if (range === undefined) return null;
  if (ifRange !== undefined && ifRange.trim() !== etag) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '') {
    if (last === '') return null;
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? UNSATISFIABLE : { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return UNSATISFIABLE;
  return { start, end: last === '' ? size : Math.min(size, Number(last) + 1) };
}

/** The `Content-Range` header of a 206 answer for `range` of a file of `size` bytes. */
export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end - 1}/${size}`;
}
