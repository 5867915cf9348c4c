import { describe, expect, it, vi } from 'vitest';
import { lazyPart } from './Loading.js';

const Part = () => null;

describe('lazyPart', () => {
  it('LP1 fetches a part once, however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Part));
    const part = lazyPart(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([part.preload(), part.preload()]);
    await part.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('LP2 tries again after a failed fetch instead of remembering the failure', async () => {
    const load = vi.fn<() => Promise<typeof Part>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Part);
    const part = lazyPart(load);
    await expect(part.preload()).rejects.toThrow('offline');
    await expect(part.preload()).resolves.toBe(Part);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
