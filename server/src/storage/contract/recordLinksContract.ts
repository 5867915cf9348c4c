/**
 * The storage contract's record links: kept with their options, newest first, revoked once.
 */
import { expect, it } from 'vitest';
import { SessionRole } from '@worktable/shared';
import { type ContractContext, session, participant } from './fixtures.js';

/** Registers the contract's tests of record links (inside the adapter's `describe`). */
export function recordLinksContract(ctx: ContractContext): void {
  it('SC22 keeps record links with their options, newest first, revoked once, also after reopening', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    const options = { timeZone: 'Europe/Paris', names: false, organizations: true, systemRoles: false };
    const first = { linkId: 'r_first', sessionId: 's1', options, createdBy: 'p_host', createdAt: 1_700_000_000_000, revokedAt: null };
    await ctx.store.createRecordLink(first);
    await ctx.store.createRecordLink({ ...first, linkId: 'r_second', createdAt: 1_700_000_000_100 });
    await ctx.store.createRecordLink({ ...first, linkId: 'r_other', sessionId: 's2', createdBy: 'p_other' });
    expect(await ctx.store.getRecordLink('r_first')).toEqual(first);
    expect((await ctx.store.listRecordLinks('s1')).map((l) => l.linkId)).toEqual(['r_second', 'r_first']);
    await expect(ctx.store.createRecordLink(first)).rejects.toThrow();
    await expect(ctx.store.createRecordLink({ ...first, linkId: 'r_ghost', sessionId: 'ghost' })).rejects.toThrow();
    expect(await ctx.store.revokeRecordLink('s2', 'r_first', 5)).toBe(false); // another session's link
    expect(await ctx.store.revokeRecordLink('s1', 'r_first', 1_700_000_000_500)).toBe(true);
    expect(await ctx.store.revokeRecordLink('s1', 'r_first', 1_700_000_000_900)).toBe(false); // once
    expect(await ctx.store.revokeRecordLink('s1', 'r_unknown', 5)).toBe(false);
    if (ctx.factory.reopen) ctx.store = await ctx.factory.reopen(ctx.store);
    expect(await ctx.store.getRecordLink('r_first')).toEqual({ ...first, revokedAt: 1_700_000_000_500 });
    expect((await ctx.store.getRecordLink('r_second'))?.revokedAt).toBeNull();
    expect(await ctx.store.getRecordLink('r_unknown')).toBeNull();
  });
}
