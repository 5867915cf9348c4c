/**
 * The storage contract's control state (compare and set on its version, active runs listed)
 * and history snapshots of documents.
 */
import { expect, it } from 'vitest';
import { SessionRole } from '@worktable/shared';
import { type ContractContext, session, participant, binary } from './fixtures.js';

/** Registers the contract's tests of control state and history (inside the adapter's `describe`). */
export function controlAndHistoryContract(ctx: ContractContext): void {
  it('SC16 keeps one control state per session, replaced at each version, and lists the active ones', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    expect(await ctx.store.loadControlState('s1')).toBeNull();
    expect(await ctx.store.replaceControlState('s1', 'lobby', { version: 1, endsAt: null }, 1, null)).toBe(true);
    expect(await ctx.store.replaceControlState('s1', 'running', { version: 2, endsAt: 1234 }, 2, 1)).toBe(true);
    expect(await ctx.store.replaceControlState('s2', 'done', { version: 9 }, 9, null)).toBe(true);
    expect(await ctx.store.loadControlState('s1')).toEqual({ version: 2, endsAt: 1234 });
    expect(await ctx.store.listActiveControlStates()).toEqual([{ sessionId: 's1', state: { version: 2, endsAt: 1234 } }]);
    if (ctx.factory.reopen) {
      ctx.store = await ctx.factory.reopen(ctx.store);
      expect(await ctx.store.loadControlState('s1')).toEqual({ version: 2, endsAt: 1234 });
    }
  });

  it('SC19 keeps labelled history snapshots per session and document, oldest first, with their state', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    const first = await ctx.store.saveHistorySnapshot({
      sessionId: 's1',
      docName: 'table-1',
      label: { phaseId: 'a', round: 1 },
      state: binary(30),
      createdAt: 10,
    });
    const second = await ctx.store.saveHistorySnapshot({
      sessionId: 's1',
      docName: 'table-2',
      label: { phaseId: 'a', round: 1 },
      state: binary(40),
      createdAt: 11,
    });
    const third = await ctx.store.saveHistorySnapshot({
      sessionId: 's1',
      docName: 'table-1',
      label: { phaseId: 'b', round: 1 },
      state: binary(50),
      createdAt: 12,
    });
    expect(first).toBeLessThan(second);
    expect(second).toBeLessThan(third);
    expect((await ctx.store.listHistory('s1')).map((h) => h.snapshotId)).toEqual([first, second, third]);
    expect(await ctx.store.listHistory('s1', 'table-1')).toEqual([
      { snapshotId: first, sessionId: 's1', docName: 'table-1', label: { phaseId: 'a', round: 1 }, createdAt: 10, bytes: 30 },
      { snapshotId: third, sessionId: 's1', docName: 'table-1', label: { phaseId: 'b', round: 1 }, createdAt: 12, bytes: 50 },
    ]);
    const loaded = await ctx.store.loadHistorySnapshot('s1', third);
    expect(loaded?.state).toEqual(binary(50));
    expect(await ctx.store.loadHistorySnapshot('s2', third)).toBeNull();
    expect(await ctx.store.listHistory('s2')).toEqual([]);
    await expect(
      ctx.store.saveHistorySnapshot({ sessionId: 'ghost', docName: 'table-1', label: {}, state: binary(1), createdAt: 1 }),
    ).rejects.toThrow();
  });

  it('SC20 replaces a control state only at the expected version (compare and set)', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    expect(await ctx.store.replaceControlState('s1', 'lobby', { version: 1 }, 1, null)).toBe(true);
    expect(await ctx.store.replaceControlState('s1', 'lobby', { version: 1, other: true }, 1, null)).toBe(false); // someone stored first
    expect(await ctx.store.replaceControlState('s1', 'running', { version: 2 }, 2, 1)).toBe(true);
    expect(await ctx.store.replaceControlState('s1', 'running', { version: 2, stale: true }, 2, 1)).toBe(false);
    expect(await ctx.store.loadControlState('s1')).toEqual({ version: 2 });
    const racers = await Promise.all([
      ctx.store.replaceControlState('s1', 'paused', { version: 3, by: 'a' }, 3, 2),
      ctx.store.replaceControlState('s1', 'paused', { version: 3, by: 'b' }, 3, 2),
    ]);
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await ctx.store.listActiveControlStates()).toHaveLength(1);
    await expect(ctx.store.replaceControlState('ghost', 'running', {}, 1, null)).rejects.toThrow();
  });
}
