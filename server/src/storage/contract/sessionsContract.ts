/**
 * The storage contract's sessions: sessions and participants, rosters, custom protocols, invite
 * codes, and deleting a session with everything of it.
 */
import { expect, it } from 'vitest';
import { SessionRole } from '@worktable/shared';
import { mergeYjsDocument } from '../mergeDocument.js';
import { UPLOAD_CHUNK_BYTES } from '../port.js';
import { putUpload, readUpload } from '../uploadBytes.js';
import { type ContractContext, session, participant, upload, binary, typedUpdates, textOf } from './fixtures.js';

/** Registers the contract's tests of sessions and their people (inside the adapter's `describe`). */
export function sessionsContract(ctx: ContractContext): void {
  it('SC2 stores a session with its host and returns it', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    expect(await ctx.store.getSession('s1')).toEqual(session('s1'));
    expect(await ctx.store.getSession('nope')).toBeNull();
    expect(await ctx.store.listParticipants('s1')).toEqual([participant('s1', 'p_host', SessionRole.Host, 1)]);
  });

  it('SC3 lists participants of one session in join order', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
    await ctx.store.addParticipant(participant('s1', 'p_b', SessionRole.Observer, 3));
    await ctx.store.addParticipant(participant('s1', 'p_a', SessionRole.Participant, 2));
    const ids = (await ctx.store.listParticipants('s1')).map((p) => p.participantId);
    expect(ids).toEqual(['p_host', 'p_a', 'p_b']);
    expect(await ctx.store.getParticipant('s1', 'p_b')).toEqual(participant('s1', 'p_b', SessionRole.Observer, 3));
    expect(await ctx.store.getParticipant('s2', 'p_b')).toBeNull();
  });

  it('SC4 refuses a participant of an unknown session and a duplicate session id', async () => {
    await expect(ctx.store.addParticipant(participant('ghost', 'p_x', SessionRole.Participant, 1))).rejects.toThrow();
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await expect(ctx.store.createSession(session('s1'), participant('s1', 'p_h2', SessionRole.Host, 1))).rejects.toThrow();
    expect(await ctx.store.listParticipants('s1')).toHaveLength(1);
  });

  it('SC18 keeps a participant’s organization and system role', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.addParticipant({
      ...participant('s1', 'p_t', SessionRole.Participant, 2),
      organization: 'Lincoln High',
      systemRole: 'teacher',
    });
    expect(await ctx.store.getParticipant('s1', 'p_t')).toMatchObject({ organization: 'Lincoln High', systemRole: 'teacher' });
    expect((await ctx.store.listParticipants('s1'))[0]).toMatchObject({ organization: null, systemRole: null });
  });

  it('SC22 imports a roster in one transaction: new people added and existing ones updated, all marked rostered', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.addParticipant({ ...participant('s1', 'p_walkin', SessionRole.Participant, 2), name: 'Ana', organization: 'Lincoln' });
    expect(await ctx.store.getParticipant('s1', 'p_walkin')).toMatchObject({ rostered: false });
    await ctx.store.saveRoster('s1', {
      add: [{ ...participant('s1', 'p_r1', SessionRole.Participant, 3), organization: 'Roosevelt', systemRole: 'teacher' }],
      update: [{ participantId: 'p_walkin', name: 'Ana Alvarez', organization: 'Lincoln', systemRole: 'principal' }],
    });
    const listed = await ctx.store.listParticipants('s1');
    expect(listed.map((p) => [p.participantId, p.rostered])).toEqual([
      ['p_host', false],
      ['p_walkin', true],
      ['p_r1', true],
    ]);
    expect(listed[1]).toMatchObject({ name: 'Ana Alvarez', organization: 'Lincoln', systemRole: 'principal', joinedAt: 2 });
    expect(listed[2]).toMatchObject({ organization: 'Roosevelt', systemRole: 'teacher', role: SessionRole.Participant });
    // An update naming nobody of the session, or an unknown session: nothing changes.
    await expect(
      ctx.store.saveRoster('s1', {
        add: [participant('s1', 'p_r2', SessionRole.Participant, 4)],
        update: [{ participantId: 'p_nobody', name: 'X', organization: null, systemRole: null }],
      }),
    ).rejects.toThrow();
    await expect(
      ctx.store.saveRoster('s_unknown', { add: [participant('s_unknown', 'p_r3', SessionRole.Participant, 4)], update: [] }),
    ).rejects.toThrow();
    expect((await ctx.store.listParticipants('s1')).map((p) => p.participantId)).toEqual(['p_host', 'p_walkin', 'p_r1']);
    expect(await ctx.store.getParticipant('s_unknown', 'p_r3')).toBeNull();
  });

  it('SC17 keeps a session’s custom protocol definition as given', async () => {
    const definition = { id: 'ours', title: 'Ours', round: [{ id: 'a', durationMs: 60_000 }] };
    await ctx.store.createSession(
      { ...session('s1'), protocol: 'ours', customProtocol: definition },
      participant('s1', 'p_host', SessionRole.Host, 1),
    );
    expect((await ctx.store.getSession('s1'))?.customProtocol).toEqual(definition);
  });

  it('SC23 replaces a session’s invite code, and says false for an unknown session', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    expect(await ctx.store.setInviteCode('s1', 'WXYZ6789')).toBe(true);
    expect((await ctx.store.getSession('s1'))?.inviteCode).toBe('WXYZ6789');
    expect(await ctx.store.setInviteCode('ghost', 'WXYZ6789')).toBe(false);
  });

  it('SC21 removes a participant, and deletes a session with everything of it, leaving other sessions alone', async () => {
    await ctx.store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
    await ctx.store.createSession(session('s11'), participant('s11', 'p_other', SessionRole.Host, 1));
    await ctx.store.addParticipant(participant('s1', 'p_a', SessionRole.Participant, 2));
    expect(await ctx.store.removeParticipant('s1', 'p_a')).toBe(true);
    expect(await ctx.store.removeParticipant('s1', 'p_a')).toBe(false);
    expect(await ctx.store.getParticipant('s1', 'p_a')).toBeNull();
    const keep = typedUpdates('other');
    for (const id of ['s1', 's11']) {
      await ctx.store.appendUpdates(typedUpdates('gone').map((update) => ({ docKey: `${id}/table-1`, update })));
      await putUpload(ctx.store, upload(id, `u_${id}`, UPLOAD_CHUNK_BYTES + 10), binary(UPLOAD_CHUNK_BYTES + 10));
      await ctx.store.replaceControlState(id, 'running', { version: 1 }, 1, null);
      await ctx.store.saveHistorySnapshot({ sessionId: id, docName: 'table-1', label: {}, state: binary(5), createdAt: 1 });
      await ctx.store.createRecordLink({
        linkId: `r_${id}`,
        sessionId: id,
        options: {},
        createdBy: 'p_host',
        createdAt: 1,
        revokedAt: null,
      });
    }
    await ctx.store.appendUpdates(keep.map((update) => ({ docKey: 's1/plenary', update })));
    await ctx.store.compactDocument('s1/plenary', mergeYjsDocument);
    const unfinished = await ctx.store.uploads.begin('s1', 'u_unfinished');
    await unfinished.write(binary(UPLOAD_CHUNK_BYTES));
    expect(await ctx.store.deleteSession('s1')).toBe(true);
    expect(await ctx.store.deleteSession('s1')).toBe(false);
    expect(await ctx.store.getSession('s1')).toBeNull();
    expect(await ctx.store.listParticipants('s1')).toEqual([]);
    expect(await ctx.store.loadDocument('s1/table-1')).toEqual({ snapshot: null, updates: [], bytes: 0 });
    expect(await ctx.store.loadDocument('s1/plenary')).toEqual({ snapshot: null, updates: [], bytes: 0 });
    expect(await readUpload(ctx.store, 's1', 'u_s1')).toBeNull();
    for (const [uploadId, index] of [
      ['u_s1', 0],
      ['u_s1', 1],
      ['u_unfinished', 0],
    ] as const)
      expect(await ctx.store.uploads.readChunk('s1', uploadId, index)).toBeNull();
    expect(await ctx.store.loadControlState('s1')).toBeNull();
    expect(await ctx.store.listHistory('s1')).toEqual([]);
    expect(await ctx.store.getRecordLink('r_s1')).toBeNull();
    expect(await ctx.store.listRecordLinks('s1')).toEqual([]);
    // s11 starts with "s1" but is another session: untouched.
    expect(await ctx.store.getSession('s11')).not.toBeNull();
    expect(textOf(null, (await ctx.store.loadDocument('s11/table-1')).updates)).toBe('gone');
    expect((await readUpload(ctx.store, 's11', 'u_s11'))?.bytes.byteLength).toBe(UPLOAD_CHUNK_BYTES + 10);
    expect(await ctx.store.listHistory('s11')).toHaveLength(1);
    expect(await ctx.store.getRecordLink('r_s11')).not.toBeNull();
  });
}
