import { describe, expect, it } from 'vitest';
import { expectedBytes, fractionOf, readWithProgress, type TransferProgress } from './transfer.js';

function streamed(chunks: number[][], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

describe('reading a body with progress', () => {
  it('reports each chunk against the expected size and returns every byte in order', async () => {
    const seen: TransferProgress[] = [];
    const bytes = await readWithProgress(streamed([[1, 2], [3], [4, 5, 6]]), (p) => seen.push(p), 6);
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.map((p) => p.received)).toEqual([0, 2, 3, 6]);
    expect(seen.at(-1)).toEqual({ received: 6, total: 6 });
  });

  it('uses Content-Length when no size is expected, and knows when the total is unknown', () => {
    expect(expectedBytes(new Response('abc', { headers: { 'content-length': '3' } }))).toBe(3);
    expect(expectedBytes(new Response('abc'), 0)).toBeNull();
    expect(fractionOf({ received: 5, total: 10 })).toBe(0.5);
    expect(fractionOf({ received: 12, total: 10 })).toBe(1);
    expect(fractionOf({ received: 5, total: null })).toBeNull();
  });
});
