/**
 * The storage contract's documents: appending updates, loading them back, compacting the log
 * into a snapshot (also while appends go on, and twice at once), and reopening.
 */
import { expect, it } from 'vitest';
import { SessionRole } from '@worktable/shared';
import { mergeYjsDocument } from '../mergeDocument.js';
import { type ContractContext, session, participant, typedUpdates, textOf } from './fixtures.js';

/** Registers the contract's tests of documents (inside the adapter's `describe`). */
export function documentsContract(ctx: ContractContext): void {
  it('SC5 an unknown document loads empty', async () => {
    expect(await ctx.store.loadDocument('s1/table-1')).toEqual({ snapshot: null, updates: [], bytes: 0 });
  });

  it('SC6 appends updates of several documents in one batch, in order per document', async () => {
    const a = typedUpdates('abc');
    const b = typedUpdates('xy');
    await ctx.store.appendUpdates([
      { docKey: 'd/a', update: a[0]! },
      { docKey: 'd/b', update: b[0]! },
      { docKey: 'd/a', update: a[1]! },
    ]);
    await ctx.store.appendUpdates([
      { docKey: 'd/a', update: a[2]! },
      { docKey: 'd/b', update: b[1]! },
    ]);
    const loadedA = await ctx.store.loadDocument('d/a');
    expect(loadedA.updates.map((u) => Array.from(u))).toEqual(a.map((u) => Array.from(u)));
    expect(loadedA.bytes).toBe(a.reduce((n, u) => n + u.byteLength, 0));
    expect(textOf(null, (await ctx.store.loadDocument('d/b')).updates)).toBe('xy');
  });

  it('SC7 compaction folds the log into one snapshot with identical content', async () => {
    const updates = typedUpdates('hello world');
    await ctx.store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
    const result = await ctx.store.compactDocument('d/a', mergeYjsDocument);
    expect(result.mergedUpdates).toBe(updates.length);
    expect(result.logUpdates).toBe(0);
    expect(result.logBytes).toBe(0);
    const loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.updates).toEqual([]);
    expect(loaded.snapshot).not.toBeNull();
    expect(loaded.bytes).toBe(result.snapshotBytes);
    expect(textOf(loaded.snapshot, [])).toBe('hello world');
  });

  it('SC8 compaction keeps later appends and can run again', async () => {
    const updates = typedUpdates('abcdef');
    await ctx.store.appendUpdates(updates.slice(0, 3).map((update) => ({ docKey: 'd/a', update })));
    await ctx.store.compactDocument('d/a', mergeYjsDocument);
    await ctx.store.appendUpdates(updates.slice(3).map((update) => ({ docKey: 'd/a', update })));
    let loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.updates).toHaveLength(3);
    expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
    await ctx.store.compactDocument('d/a', mergeYjsDocument);
    loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.updates).toHaveLength(0);
    expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
  });

  it('SC9 compaction of an empty log changes nothing', async () => {
    expect(await ctx.store.compactDocument('d/none', mergeYjsDocument)).toEqual({
      mergedUpdates: 0,
      snapshotBytes: 0,
      logUpdates: 0,
      logBytes: 0,
    });
    expect(await ctx.store.loadDocument('d/none')).toEqual({ snapshot: null, updates: [], bytes: 0 });
  });

  it('SC10 a failing merge leaves the log untouched', async () => {
    const updates = typedUpdates('abc');
    await ctx.store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
    await expect(
      ctx.store.compactDocument('d/a', () => {
        throw new Error('merge failed');
      }),
    ).rejects.toThrow('merge failed');
    const loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.snapshot).toBeNull();
    expect(loaded.updates).toHaveLength(3);
  });

  it('SC10b entries appended while the merge runs stay in the log', async () => {
    const updates = typedUpdates('abcdef');
    await ctx.store.appendUpdates(updates.slice(0, 3).map((update) => ({ docKey: 'd/a', update })));
    const result = await ctx.store.compactDocument('d/a', async (snapshot, log) => {
      await ctx.store.appendUpdates(updates.slice(3).map((update) => ({ docKey: 'd/a', update })));
      return mergeYjsDocument(snapshot, log);
    });
    expect(result.mergedUpdates).toBe(3);
    const later = updates.slice(3);
    expect(result.logUpdates).toBe(3);
    expect(result.logBytes).toBe(later.reduce((sum, update) => sum + update.byteLength, 0));
    const loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.updates).toHaveLength(3);
    expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
  });

  it('SC10c two overlapping compactions of one document fold each entry once and lose nothing', async () => {
    const updates = typedUpdates('abcd');
    await ctx.store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowMerge = async (snapshot: Uint8Array | null, log: Uint8Array[]) => {
      await gate;
      return mergeYjsDocument(snapshot, log);
    };
    const both = Promise.all([ctx.store.compactDocument('d/a', slowMerge), ctx.store.compactDocument('d/a', slowMerge)]);
    setTimeout(release, 20);
    const results = await both;
    expect(results.map((r) => r.mergedUpdates).sort()).toEqual([0, 4]);
    const loaded = await ctx.store.loadDocument('d/a');
    expect(loaded.updates).toHaveLength(0);
    expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcd');
  });

  it('SC11 data survives closing and reopening', async () => {
    if (!ctx.factory.reopen) return;
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.appendUpdates(typedUpdates('kept').map((update) => ({ docKey: 's1/t', update })));
    ctx.store = await ctx.factory.reopen(ctx.store);
    expect(await ctx.store.getSession('s1')).toEqual(session('s1'));
    const loaded = await ctx.store.loadDocument('s1/t');
    expect(textOf(loaded.snapshot, loaded.updates)).toBe('kept');
  });
}
