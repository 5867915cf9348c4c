import { describe, expect, it } from 'vitest';
import { unavailableRetryDelay } from './tableConnection.js';

describe('retry after 4503', () => {
  it('waits 1–2 s first, doubling to a 15–30 s window, always jittered', () => {
    expect(unavailableRetryDelay(0, () => 0)).toBe(1000);
    expect(unavailableRetryDelay(0, () => 1)).toBe(2000);
    expect(unavailableRetryDelay(3, () => 0.5)).toBe(12_000);
    expect(unavailableRetryDelay(10, () => 0)).toBe(15_000);
    expect(unavailableRetryDelay(10, () => 1)).toBe(30_000);
    const spread = new Set(Array.from({ length: 20 }, () => unavailableRetryDelay(2)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
