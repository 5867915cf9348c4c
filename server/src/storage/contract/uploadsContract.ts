/**
 * The storage contract's uploads: stored in chunks, read back whole or in ranges, counted per
 * session, invisible until committed, and cleared when their writer died or their session went.
 */
import { expect, it } from 'vitest';
import { SessionRole } from '@worktable/shared';
import { UPLOAD_CHUNK_BYTES } from '../port.js';
import { putUpload, readUpload, uploadBytes } from '../uploadBytes.js';
import { type ContractContext, session, participant, upload, binary } from './fixtures.js';

/** Registers the contract's tests of uploads (inside the adapter's `describe`). */
export function uploadsContract(ctx: ContractContext): void {
  it('SC12 stores an upload with its bytes and returns both unchanged, also after reopening', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    const bytes = binary(70_000);
    await putUpload(ctx.store, upload('s1', 'u_one', bytes.byteLength), bytes);
    const stored = await readUpload(ctx.store, 's1', 'u_one');
    expect(stored?.record).toEqual(upload('s1', 'u_one', bytes.byteLength));
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    if (!ctx.factory.reopen) return;
    ctx.store = await ctx.factory.reopen(ctx.store);
    const reopened = await readUpload(ctx.store, 's1', 'u_one');
    expect(reopened?.record).toEqual(upload('s1', 'u_one', bytes.byteLength));
    expect(Buffer.from(reopened?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('SC13 an unknown upload is null', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    expect(await readUpload(ctx.store, 's1', 'u_none')).toBeNull();
    expect(await readUpload(ctx.store, 'ghost', 'u_none')).toBeNull();
  });

  it("SC14 another session's upload id is null", async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    await putUpload(ctx.store, upload('s1', 'u_one', 10), binary(10));
    expect(await readUpload(ctx.store, 's2', 'u_one')).toBeNull();
    expect(await readUpload(ctx.store, 's1', 'u_one')).not.toBeNull();
  });

  it('SC15 refuses an upload of an unknown session and a duplicate upload id, keeping the first', async () => {
    await expect(putUpload(ctx.store, upload('ghost', 'u_x', 10), binary(10))).rejects.toThrow();
    expect(await readUpload(ctx.store, 'ghost', 'u_x')).toBeNull();
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    await putUpload(ctx.store, upload('s1', 'u_one', 10), binary(10));
    await expect(putUpload(ctx.store, upload('s2', 'u_one', 20), binary(20))).rejects.toThrow();
    expect((await readUpload(ctx.store, 's1', 'u_one'))?.bytes.byteLength).toBe(10);
    expect(await readUpload(ctx.store, 's2', 'u_one')).toBeNull();
  });

  it('SC24 stores a large upload in chunks of UPLOAD_CHUNK_BYTES and reads any range of it back', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    const bytes = binary(3 * UPLOAD_CHUNK_BYTES + 1000);
    const writer = await ctx.store.uploads.begin('s1', 'u_big');
    // Written in uneven pieces, as a request body arrives.
    for (let at = 0; at < bytes.byteLength; at += 100_000) await writer.write(bytes.subarray(at, at + 100_000));
    await writer.commit(upload('s1', 'u_big', bytes.byteLength));
    expect((await ctx.store.uploads.readChunk('s1', 'u_big', 0))?.byteLength).toBe(UPLOAD_CHUNK_BYTES);
    expect((await ctx.store.uploads.readChunk('s1', 'u_big', 3))?.byteLength).toBe(1000);
    expect(await ctx.store.uploads.readChunk('s1', 'u_big', 4)).toBeNull();
    expect(await ctx.store.uploads.readChunk('s2', 'u_big', 0)).toBeNull();
    const record = await ctx.store.uploads.getRecord('s1', 'u_big');
    expect(record).toEqual(upload('s1', 'u_big', bytes.byteLength));
    const range = { start: UPLOAD_CHUNK_BYTES - 5, end: 2 * UPLOAD_CHUNK_BYTES + 5 };
    const parts: Uint8Array[] = [];
    for await (const part of uploadBytes(ctx.store, record!, range)) parts.push(part);
    expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(range.start, range.end)))).toBe(true);
    expect(Buffer.from((await readUpload(ctx.store, 's1', 'u_big'))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it("SC28 a session's upload usage counts its committed uploads and their bytes, not those still being written or of other sessions", async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    expect(await ctx.store.uploads.usage('s1')).toEqual({ uploads: 0, bytes: 0 });
    await putUpload(ctx.store, upload('s1', 'u_a', 10), binary(10));
    await putUpload(ctx.store, upload('s1', 'u_b', UPLOAD_CHUNK_BYTES + 5), binary(UPLOAD_CHUNK_BYTES + 5));
    await putUpload(ctx.store, upload('s2', 'u_c', 7), binary(7));
    const writing = await ctx.store.uploads.begin('s1', 'u_d');
    await writing.write(binary(100));
    expect(await ctx.store.uploads.usage('s1')).toEqual({ uploads: 2, bytes: UPLOAD_CHUNK_BYTES + 15 });
    expect(await ctx.store.uploads.usage('s2')).toEqual({ uploads: 1, bytes: 7 });
    await writing.abort();
  });

  it('SC25 an upload is invisible until committed; an aborted one, or one whose size is wrong, leaves nothing', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    const bytes = binary(2 * UPLOAD_CHUNK_BYTES + 7);
    const aborted = await ctx.store.uploads.begin('s1', 'u_one');
    await aborted.write(bytes);
    expect(await ctx.store.uploads.getRecord('s1', 'u_one')).toBeNull();
    await expect(ctx.store.uploads.begin('s1', 'u_one')).rejects.toThrow(); // taken while being written
    await aborted.abort();
    for (const index of [0, 1, 2]) expect(await ctx.store.uploads.readChunk('s1', 'u_one', index)).toBeNull();
    await expect(aborted.write(bytes)).rejects.toThrow();

    const wrongSize = await ctx.store.uploads.begin('s1', 'u_one'); // free again
    await wrongSize.write(bytes);
    await expect(wrongSize.commit(upload('s1', 'u_one', bytes.byteLength + 1))).rejects.toThrow();
    expect(await ctx.store.uploads.getRecord('s1', 'u_one')).toBeNull();
    expect(await ctx.store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();

    await putUpload(ctx.store, upload('s1', 'u_one', bytes.byteLength), bytes);
    await expect(ctx.store.uploads.begin('s1', 'u_one')).rejects.toThrow(); // taken once stored
    expect(Buffer.from((await readUpload(ctx.store, 's1', 'u_one'))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('SC26 an upload whose session is deleted while it is written fails and leaves nothing', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    const writer = await ctx.store.uploads.begin('s1', 'u_one');
    await writer.write(binary(UPLOAD_CHUNK_BYTES + 1));
    expect(await ctx.store.uploads.readChunk('s1', 'u_one', 0)).not.toBeNull();
    expect(await ctx.store.deleteSession('s1')).toBe(true);
    expect(await ctx.store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();
    await expect(writer.write(binary(UPLOAD_CHUNK_BYTES))).rejects.toThrow();
    await writer.abort();
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    expect(await ctx.store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();
    expect(await ctx.store.uploads.readChunk('s1', 'u_one', 1)).toBeNull();
    expect(await ctx.store.uploads.getRecord('s1', 'u_one')).toBeNull();
  });

  it('SC27 removes the uploads whose writer died, with their chunks, and nothing else', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    const kept = binary(UPLOAD_CHUNK_BYTES + 3);
    await putUpload(ctx.store, upload('s1', 'u_kept', kept.byteLength), kept);
    const dying = await ctx.store.uploads.begin('s1', 'u_dead');
    await dying.write(binary(2 * UPLOAD_CHUNK_BYTES + 3)); // then its process dies: neither committed nor aborted
    if (ctx.factory.reopen) ctx.store = await ctx.factory.reopen(ctx.store);
    expect(await ctx.store.uploads.removeAbandoned(Date.now() - 60_000)).toBe(0); // too recent to be abandoned
    expect(await ctx.store.uploads.readChunk('s1', 'u_dead', 0)).not.toBeNull();
    expect(await ctx.store.uploads.removeAbandoned(Date.now() + 1)).toBe(1);
    for (const index of [0, 1]) expect(await ctx.store.uploads.readChunk('s1', 'u_dead', index)).toBeNull();
    expect(await ctx.store.uploads.getRecord('s1', 'u_dead')).toBeNull();
    expect(Buffer.from((await readUpload(ctx.store, 's1', 'u_kept'))?.bytes ?? []).equals(Buffer.from(kept))).toBe(true);
    expect(await ctx.store.uploads.removeAbandoned(Date.now() + 1)).toBe(0);
    await putUpload(ctx.store, upload('s1', 'u_dead', 10), binary(10)); // the id is free again
  });
}
