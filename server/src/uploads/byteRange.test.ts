import { describe, expect, it } from 'vitest';
import { UNSATISFIABLE, contentRange, requestedRange } from './byteRange.js';

const ETAG = '"abc"';

describe('requestedRange', () => {
  it('reads the three forms of one range, clamped to the file', () => {
    expect(requestedRange('bytes=0-9', undefined, ETAG, 100)).toEqual({ start: 0, end: 10 });
    expect(requestedRange('bytes=90-', undefined, ETAG, 100)).toEqual({ start: 90, end: 100 });
    expect(requestedRange('bytes=-10', undefined, ETAG, 100)).toEqual({ start: 90, end: 100 });
    expect(requestedRange('bytes=-500', undefined, ETAG, 100)).toEqual({ start: 0, end: 100 });
    expect(requestedRange('bytes=50-500', undefined, ETAG, 100)).toEqual({ start: 50, end: 100 });
    expect(requestedRange(' Bytes = 1 - 2 ', undefined, ETAG, 100)).toEqual({ start: 1, end: 3 });
  });

  it('is unsatisfiable past the end, or for an empty suffix', () => {
    expect(requestedRange('bytes=100-', undefined, ETAG, 100)).toBe(UNSATISFIABLE);
    expect(requestedRange('bytes=100-200', undefined, ETAG, 100)).toBe(UNSATISFIABLE);
    expect(requestedRange('bytes=-0', undefined, ETAG, 100)).toBe(UNSATISFIABLE);
  });

  it('answers with the whole file for no range, several, malformed ones, or another version (If-Range)', () => {
    for (const range of [undefined, 'bytes=0-1,5-6', 'bytes=5-1', 'bytes=-', 'items=0-1', 'bytes=a-b']) {
      expect(requestedRange(range, undefined, ETAG, 100), String(range)).toBeNull();
    }
    expect(requestedRange('bytes=0-9', '"other"', ETAG, 100)).toBeNull();
    expect(requestedRange('bytes=0-9', 'Tue, 01 Jan 2030 00:00:00 GMT', ETAG, 100)).toBeNull();
    expect(requestedRange('bytes=0-9', ETAG, ETAG, 100)).toEqual({ start: 0, end: 10 });
  });

  it('writes the Content-Range of a range', () => {
    expect(contentRange({ start: 90, end: 100 }, 100)).toBe('bytes 90-99/100');
  });
});
