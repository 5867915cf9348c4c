/** `Coalesced`: callers during a run share one later run; each caller's run starts after its call. */
import { describe, expect, it } from 'vitest';
import { Coalesced } from './coalesced.js';

describe('Coalesced', () => {
  it('CO1 runs once for a lone caller, and a burst during a run shares one more run that starts after every call', async () => {
    const coalesced = new Coalesced();
    const starts: number[] = [];
    let release: () => void = () => undefined;
    const task = () => {
      starts.push(starts.length);
      return new Promise<void>((resolve) => (release = resolve));
    };
    const first = coalesced.run('s', task);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(starts).toEqual([0]);
    // 100 callers while the first run is under way: none joins it (it started before them).
    const burst = Array.from({ length: 100 }, () => coalesced.run('s', task));
    expect(new Set(burst).size).toBe(1);
    expect(burst[0]).not.toBe(first);
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(starts).toEqual([0, 1]);
    release();
    await Promise.all(burst);
    // Another key is independent; a failed run does not stop the next.
    await expect(coalesced.run('t', () => Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    let ran = false;
    await coalesced.run('t', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
