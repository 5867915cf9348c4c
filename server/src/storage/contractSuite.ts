/**
 * The storage contract: behaviour every adapter of the storage port must have. Run it against
 * each adapter (`sqliteStorage.test.ts` now, the Postgres adapter with issue #7) with a factory
 * that returns a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SessionRole } from '@worktable/shared';
import { mergeYjsDocument } from './mergeDocument.js';
import { UPLOAD_CHUNK_BYTES, type ParticipantRecord, type SessionRecord, type StoragePort, type UploadRecord } from './port.js';
import { putUpload, readUpload, uploadBytes } from './uploadBytes.js';

/** Creates a fresh empty store; `reopen` (when the engine supports it) opens the same data again. */
export interface StorageFactory {
  create(): Promise<StoragePort>;
  reopen?(previous: StoragePort): Promise<StoragePort>;
}

const session = (id: string): SessionRecord => ({
  sessionId: id,
  title: `Session ${id}`,
  protocol: 'tuning',
  inviteCode: 'ABCD2345',
  createdAt: 1_700_000_000_000,
  customProtocol: null,
});
const participant = (sessionId: string, id: string, role: ParticipantRecord['role'], joinedAt: number): ParticipantRecord => ({
  participantId: id,
  sessionId,
  name: `Name ${id}`,
  role,
  joinedAt,
  organization: null,
  systemRole: null,
  rostered: false,
});

const upload = (sessionId: string, id: string, size: number): UploadRecord => ({
  uploadId: id,
  sessionId,
  mime: 'application/pdf',
  size,
  name: `Notes ${id}.pdf`,
  sha256: 'ab'.repeat(32),
  createdBy: 'p_host',
  createdAt: 1_700_000_000_500,
});

/** Bytes with every value 0–255, so nothing is mangled as text. */
const binary = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 7 + 3) % 256);

/** Yjs updates that each insert one character, as a client would send them. */
function typedUpdates(text: string): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const ch of text) doc.getText('t').insert(doc.getText('t').length, ch);
  return updates;
}

function textOf(snapshot: Uint8Array | null, updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/**
 * Files of session `s1` as a server before chunking kept them (whole, in `uploads.data`), for each
 * adapter's test of the migration: one of a few chunks, one small. Stored as `a.pdf`.
 */
export const WHOLE_STORED_UPLOADS: readonly { uploadId: string; bytes: Buffer }[] = [
  { uploadId: 'u_large', bytes: Buffer.from(binary(2 * UPLOAD_CHUNK_BYTES + 5)) },
  { uploadId: 'u_small', bytes: Buffer.from('%PDF-1.4 small') },
];

/** Checks that the migration to chunks kept `WHOLE_STORED_UPLOADS`: each reads back unchanged, from chunks. */
export async function expectWholeStoredUploadsKept(store: StoragePort): Promise<void> {
  for (const { uploadId, bytes } of WHOLE_STORED_UPLOADS) {
    const read = await readUpload(store, 's1', uploadId);
    expect(read?.record).toMatchObject({ uploadId, size: bytes.byteLength, name: 'a.pdf' });
    expect(Buffer.from(read?.bytes ?? []).equals(bytes)).toBe(true);
  }
  expect((await store.uploads.readChunk('s1', 'u_large', 2))?.byteLength).toBe(5);
}

/** Registers the contract tests for one adapter. */
export function storageContractSuite(name: string, factory: StorageFactory): void {
  describe(`storage contract: ${name}`, () => {
    let store: StoragePort;
    beforeEach(async () => {
      store = await factory.create();
    });
    afterEach(async () => {
      await store.close();
    });

    it('SC1 answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('SC2 stores a session with its host and returns it', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      expect(await store.getSession('s1')).toEqual(session('s1'));
      expect(await store.getSession('nope')).toBeNull();
      expect(await store.listParticipants('s1')).toEqual([participant('s1', 'p_host', SessionRole.Host, 1)]);
    });

    it('SC3 lists participants of one session in join order', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      await store.addParticipant(participant('s1', 'p_b', SessionRole.Observer, 3));
      await store.addParticipant(participant('s1', 'p_a', SessionRole.Participant, 2));
      const ids = (await store.listParticipants('s1')).map((p) => p.participantId);
      expect(ids).toEqual(['p_host', 'p_a', 'p_b']);
      expect(await store.getParticipant('s1', 'p_b')).toEqual(participant('s1', 'p_b', SessionRole.Observer, 3));
      expect(await store.getParticipant('s2', 'p_b')).toBeNull();
    });

    it('SC4 refuses a participant of an unknown session and a duplicate session id', async () => {
      await expect(store.addParticipant(participant('ghost', 'p_x', SessionRole.Participant, 1))).rejects.toThrow();
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await expect(store.createSession(session('s1'), participant('s1', 'p_h2', SessionRole.Host, 1))).rejects.toThrow();
      expect(await store.listParticipants('s1')).toHaveLength(1);
    });

    it('SC5 an unknown document loads empty', async () => {
      expect(await store.loadDocument('s1/table-1')).toEqual({ snapshot: null, updates: [], bytes: 0 });
    });

    it('SC6 appends updates of several documents in one batch, in order per document', async () => {
      const a = typedUpdates('abc');
      const b = typedUpdates('xy');
      await store.appendUpdates([
        { docKey: 'd/a', update: a[0]! },
        { docKey: 'd/b', update: b[0]! },
        { docKey: 'd/a', update: a[1]! },
      ]);
      await store.appendUpdates([
        { docKey: 'd/a', update: a[2]! },
        { docKey: 'd/b', update: b[1]! },
      ]);
      const loadedA = await store.loadDocument('d/a');
      expect(loadedA.updates.map((u) => Array.from(u))).toEqual(a.map((u) => Array.from(u)));
      expect(loadedA.bytes).toBe(a.reduce((n, u) => n + u.byteLength, 0));
      expect(textOf(null, (await store.loadDocument('d/b')).updates)).toBe('xy');
    });

    it('SC7 compaction folds the log into one snapshot with identical content', async () => {
      const updates = typedUpdates('hello world');
      await store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
      const result = await store.compactDocument('d/a', mergeYjsDocument);
      expect(result.mergedUpdates).toBe(updates.length);
      expect(result.logUpdates).toBe(0);
      expect(result.logBytes).toBe(0);
      const loaded = await store.loadDocument('d/a');
      expect(loaded.updates).toEqual([]);
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.bytes).toBe(result.snapshotBytes);
      expect(textOf(loaded.snapshot, [])).toBe('hello world');
    });

    it('SC8 compaction keeps later appends and can run again', async () => {
      const updates = typedUpdates('abcdef');
      await store.appendUpdates(updates.slice(0, 3).map((update) => ({ docKey: 'd/a', update })));
      await store.compactDocument('d/a', mergeYjsDocument);
      await store.appendUpdates(updates.slice(3).map((update) => ({ docKey: 'd/a', update })));
      let loaded = await store.loadDocument('d/a');
      expect(loaded.updates).toHaveLength(3);
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
      await store.compactDocument('d/a', mergeYjsDocument);
      loaded = await store.loadDocument('d/a');
      expect(loaded.updates).toHaveLength(0);
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
    });

    it('SC9 compaction of an empty log changes nothing', async () => {
      expect(await store.compactDocument('d/none', mergeYjsDocument)).toEqual({ mergedUpdates: 0, snapshotBytes: 0, logUpdates: 0, logBytes: 0 });
      expect(await store.loadDocument('d/none')).toEqual({ snapshot: null, updates: [], bytes: 0 });
    });

    it('SC10 a failing merge leaves the log untouched', async () => {
      const updates = typedUpdates('abc');
      await store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
      await expect(
        store.compactDocument('d/a', () => {
          throw new Error('merge failed');
        }),
      ).rejects.toThrow('merge failed');
      const loaded = await store.loadDocument('d/a');
      expect(loaded.snapshot).toBeNull();
      expect(loaded.updates).toHaveLength(3);
    });

    it('SC10b entries appended while the merge runs stay in the log', async () => {
      const updates = typedUpdates('abcdef');
      await store.appendUpdates(updates.slice(0, 3).map((update) => ({ docKey: 'd/a', update })));
      const result = await store.compactDocument('d/a', async (snapshot, log) => {
        await store.appendUpdates(updates.slice(3).map((update) => ({ docKey: 'd/a', update })));
        return mergeYjsDocument(snapshot, log);
      });
      expect(result.mergedUpdates).toBe(3);
      const later = updates.slice(3);
      expect(result.logUpdates).toBe(3);
      expect(result.logBytes).toBe(later.reduce((sum, update) => sum + update.byteLength, 0));
      const loaded = await store.loadDocument('d/a');
      expect(loaded.updates).toHaveLength(3);
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcdef');
    });

    it('SC10c two overlapping compactions of one document fold each entry once and lose nothing', async () => {
      const updates = typedUpdates('abcd');
      await store.appendUpdates(updates.map((update) => ({ docKey: 'd/a', update })));
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slowMerge = async (snapshot: Uint8Array | null, log: Uint8Array[]) => {
        await gate;
        return mergeYjsDocument(snapshot, log);
      };
      const both = Promise.all([store.compactDocument('d/a', slowMerge), store.compactDocument('d/a', slowMerge)]);
      setTimeout(release, 20);
      const results = await both;
      expect(results.map((r) => r.mergedUpdates).sort()).toEqual([0, 4]);
      const loaded = await store.loadDocument('d/a');
      expect(loaded.updates).toHaveLength(0);
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('abcd');
    });

    it('SC11 data survives closing and reopening', async () => {
      if (!factory.reopen) return;
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.appendUpdates(typedUpdates('kept').map((update) => ({ docKey: 's1/t', update })));
      store = await factory.reopen(store);
      expect(await store.getSession('s1')).toEqual(session('s1'));
      const loaded = await store.loadDocument('s1/t');
      expect(textOf(loaded.snapshot, loaded.updates)).toBe('kept');
    });

    it('SC12 stores an upload with its bytes and returns both unchanged, also after reopening', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      const bytes = binary(70_000);
      await putUpload(store, upload('s1', 'u_one', bytes.byteLength), bytes);
      const stored = await readUpload(store, 's1', 'u_one');
      expect(stored?.record).toEqual(upload('s1', 'u_one', bytes.byteLength));
      expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
      if (!factory.reopen) return;
      store = await factory.reopen(store);
      const reopened = await readUpload(store, 's1', 'u_one');
      expect(reopened?.record).toEqual(upload('s1', 'u_one', bytes.byteLength));
      expect(Buffer.from(reopened?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    });

    it('SC13 an unknown upload is null', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      expect(await readUpload(store, 's1', 'u_none')).toBeNull();
      expect(await readUpload(store, 'ghost', 'u_none')).toBeNull();
    });

    it("SC14 another session's upload id is null", async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      await putUpload(store, upload('s1', 'u_one', 10), binary(10));
      expect(await readUpload(store, 's2', 'u_one')).toBeNull();
      expect(await readUpload(store, 's1', 'u_one')).not.toBeNull();
    });

    it('SC15 refuses an upload of an unknown session and a duplicate upload id, keeping the first', async () => {
      await expect(putUpload(store, upload('ghost', 'u_x', 10), binary(10))).rejects.toThrow();
      expect(await readUpload(store, 'ghost', 'u_x')).toBeNull();
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      await putUpload(store, upload('s1', 'u_one', 10), binary(10));
      await expect(putUpload(store, upload('s2', 'u_one', 20), binary(20))).rejects.toThrow();
      expect((await readUpload(store, 's1', 'u_one'))?.bytes.byteLength).toBe(10);
      expect(await readUpload(store, 's2', 'u_one')).toBeNull();
    });

    it('SC24 stores a large upload in chunks of UPLOAD_CHUNK_BYTES and reads any range of it back', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      const bytes = binary(3 * UPLOAD_CHUNK_BYTES + 1000);
      const writer = await store.uploads.begin('s1', 'u_big');
      // Written in uneven pieces, as a request body arrives.
      for (let at = 0; at < bytes.byteLength; at += 100_000) await writer.write(bytes.subarray(at, at + 100_000));
      await writer.commit(upload('s1', 'u_big', bytes.byteLength));
      expect((await store.uploads.readChunk('s1', 'u_big', 0))?.byteLength).toBe(UPLOAD_CHUNK_BYTES);
      expect((await store.uploads.readChunk('s1', 'u_big', 3))?.byteLength).toBe(1000);
      expect(await store.uploads.readChunk('s1', 'u_big', 4)).toBeNull();
      expect(await store.uploads.readChunk('s2', 'u_big', 0)).toBeNull();
      const record = await store.uploads.getRecord('s1', 'u_big');
      expect(record).toEqual(upload('s1', 'u_big', bytes.byteLength));
      const range = { start: UPLOAD_CHUNK_BYTES - 5, end: 2 * UPLOAD_CHUNK_BYTES + 5 };
      const parts: Uint8Array[] = [];
      for await (const part of uploadBytes(store, record!, range)) parts.push(part);
      expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(range.start, range.end)))).toBe(true);
      expect(Buffer.from((await readUpload(store, 's1', 'u_big'))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    });

    it('SC28 a session\'s upload usage counts its committed uploads and their bytes, not those still being written or of other sessions', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      expect(await store.uploads.usage('s1')).toEqual({ uploads: 0, bytes: 0 });
      await putUpload(store, upload('s1', 'u_a', 10), binary(10));
      await putUpload(store, upload('s1', 'u_b', UPLOAD_CHUNK_BYTES + 5), binary(UPLOAD_CHUNK_BYTES + 5));
      await putUpload(store, upload('s2', 'u_c', 7), binary(7));
      const writing = await store.uploads.begin('s1', 'u_d');
      await writing.write(binary(100));
      expect(await store.uploads.usage('s1')).toEqual({ uploads: 2, bytes: UPLOAD_CHUNK_BYTES + 15 });
      expect(await store.uploads.usage('s2')).toEqual({ uploads: 1, bytes: 7 });
      await writing.abort();
    });

    it('SC25 an upload is invisible until committed; an aborted one, or one whose size is wrong, leaves nothing', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      const bytes = binary(2 * UPLOAD_CHUNK_BYTES + 7);
      const aborted = await store.uploads.begin('s1', 'u_one');
      await aborted.write(bytes);
      expect(await store.uploads.getRecord('s1', 'u_one')).toBeNull();
      await expect(store.uploads.begin('s1', 'u_one')).rejects.toThrow(); // taken while being written
      await aborted.abort();
      for (const index of [0, 1, 2]) expect(await store.uploads.readChunk('s1', 'u_one', index)).toBeNull();
      await expect(aborted.write(bytes)).rejects.toThrow();

      const wrongSize = await store.uploads.begin('s1', 'u_one'); // free again
      await wrongSize.write(bytes);
      await expect(wrongSize.commit(upload('s1', 'u_one', bytes.byteLength + 1))).rejects.toThrow();
      expect(await store.uploads.getRecord('s1', 'u_one')).toBeNull();
      expect(await store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();

      await putUpload(store, upload('s1', 'u_one', bytes.byteLength), bytes);
      await expect(store.uploads.begin('s1', 'u_one')).rejects.toThrow(); // taken once stored
      expect(Buffer.from((await readUpload(store, 's1', 'u_one'))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    });

    it('SC26 an upload whose session is deleted while it is written fails and leaves nothing', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      const writer = await store.uploads.begin('s1', 'u_one');
      await writer.write(binary(UPLOAD_CHUNK_BYTES + 1));
      expect(await store.uploads.readChunk('s1', 'u_one', 0)).not.toBeNull();
      expect(await store.deleteSession('s1')).toBe(true);
      expect(await store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();
      await expect(writer.write(binary(UPLOAD_CHUNK_BYTES))).rejects.toThrow();
      await writer.abort();
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      expect(await store.uploads.readChunk('s1', 'u_one', 0)).toBeNull();
      expect(await store.uploads.readChunk('s1', 'u_one', 1)).toBeNull();
      expect(await store.uploads.getRecord('s1', 'u_one')).toBeNull();
    });

    it('SC27 removes the uploads whose writer died, with their chunks, and nothing else', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      const kept = binary(UPLOAD_CHUNK_BYTES + 3);
      await putUpload(store, upload('s1', 'u_kept', kept.byteLength), kept);
      const dying = await store.uploads.begin('s1', 'u_dead');
      await dying.write(binary(2 * UPLOAD_CHUNK_BYTES + 3)); // then its process dies: neither committed nor aborted
      if (factory.reopen) store = await factory.reopen(store);
      expect(await store.uploads.removeAbandoned(Date.now() - 60_000)).toBe(0); // too recent to be abandoned
      expect(await store.uploads.readChunk('s1', 'u_dead', 0)).not.toBeNull();
      expect(await store.uploads.removeAbandoned(Date.now() + 1)).toBe(1);
      for (const index of [0, 1]) expect(await store.uploads.readChunk('s1', 'u_dead', index)).toBeNull();
      expect(await store.uploads.getRecord('s1', 'u_dead')).toBeNull();
      expect(Buffer.from((await readUpload(store, 's1', 'u_kept'))?.bytes ?? []).equals(Buffer.from(kept))).toBe(true);
      expect(await store.uploads.removeAbandoned(Date.now() + 1)).toBe(0);
      await putUpload(store, upload('s1', 'u_dead', 10), binary(10)); // the id is free again
    });

    it('SC18 keeps a participant’s organization and system role', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.addParticipant({ ...participant('s1', 'p_t', SessionRole.Participant, 2), organization: 'Lincoln High', systemRole: 'teacher' });
      expect(await store.getParticipant('s1', 'p_t')).toMatchObject({ organization: 'Lincoln High', systemRole: 'teacher' });
      expect((await store.listParticipants('s1'))[0]).toMatchObject({ organization: null, systemRole: null });
    });

    it('SC22 imports a roster in one transaction: new people added and existing ones updated, all marked rostered', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.addParticipant({ ...participant('s1', 'p_walkin', SessionRole.Participant, 2), name: 'Ana', organization: 'Lincoln' });
      expect(await store.getParticipant('s1', 'p_walkin')).toMatchObject({ rostered: false });
      await store.saveRoster('s1', {
        add: [{ ...participant('s1', 'p_r1', SessionRole.Participant, 3), organization: 'Roosevelt', systemRole: 'teacher' }],
        update: [{ participantId: 'p_walkin', name: 'Ana Alvarez', organization: 'Lincoln', systemRole: 'principal' }],
      });
      const listed = await store.listParticipants('s1');
      expect(listed.map((p) => [p.participantId, p.rostered])).toEqual([
        ['p_host', false],
        ['p_walkin', true],
        ['p_r1', true],
      ]);
      expect(listed[1]).toMatchObject({ name: 'Ana Alvarez', organization: 'Lincoln', systemRole: 'principal', joinedAt: 2 });
      expect(listed[2]).toMatchObject({ organization: 'Roosevelt', systemRole: 'teacher', role: SessionRole.Participant });
      // An update naming nobody of the session, or an unknown session: nothing changes.
      await expect(
        store.saveRoster('s1', { add: [participant('s1', 'p_r2', SessionRole.Participant, 4)], update: [{ participantId: 'p_nobody', name: 'X', organization: null, systemRole: null }] }),
      ).rejects.toThrow();
      await expect(store.saveRoster('s_unknown', { add: [participant('s_unknown', 'p_r3', SessionRole.Participant, 4)], update: [] })).rejects.toThrow();
      expect((await store.listParticipants('s1')).map((p) => p.participantId)).toEqual(['p_host', 'p_walkin', 'p_r1']);
      expect(await store.getParticipant('s_unknown', 'p_r3')).toBeNull();
    });

    it('SC17 keeps a session’s custom protocol definition as given', async () => {
      const definition = { id: 'ours', title: 'Ours', round: [{ id: 'a', durationMs: 60_000 }] };
      await store.createSession({ ...session('s1'), protocol: 'ours', customProtocol: definition }, participant('s1', 'p_host', SessionRole.Host, 1));
      expect((await store.getSession('s1'))?.customProtocol).toEqual(definition);
    });

    it('SC16 keeps one control state per session, replaced at each version, and lists the active ones', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      expect(await store.loadControlState('s1')).toBeNull();
      expect(await store.replaceControlState('s1', 'lobby', { version: 1, endsAt: null }, 1, null)).toBe(true);
      expect(await store.replaceControlState('s1', 'running', { version: 2, endsAt: 1234 }, 2, 1)).toBe(true);
      expect(await store.replaceControlState('s2', 'done', { version: 9 }, 9, null)).toBe(true);
      expect(await store.loadControlState('s1')).toEqual({ version: 2, endsAt: 1234 });
      expect(await store.listActiveControlStates()).toEqual([{ sessionId: 's1', state: { version: 2, endsAt: 1234 } }]);
      if (factory.reopen) {
        store = await factory.reopen(store);
        expect(await store.loadControlState('s1')).toEqual({ version: 2, endsAt: 1234 });
      }
    });

    it('SC19 keeps labelled history snapshots per session and document, oldest first, with their state', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      const first = await store.saveHistorySnapshot({ sessionId: 's1', docName: 'table-1', label: { phaseId: 'a', round: 1 }, state: binary(30), createdAt: 10 });
      const second = await store.saveHistorySnapshot({ sessionId: 's1', docName: 'table-2', label: { phaseId: 'a', round: 1 }, state: binary(40), createdAt: 11 });
      const third = await store.saveHistorySnapshot({ sessionId: 's1', docName: 'table-1', label: { phaseId: 'b', round: 1 }, state: binary(50), createdAt: 12 });
      expect(first).toBeLessThan(second);
      expect(second).toBeLessThan(third);
      expect((await store.listHistory('s1')).map((h) => h.snapshotId)).toEqual([first, second, third]);
      expect(await store.listHistory('s1', 'table-1')).toEqual([
        { snapshotId: first, sessionId: 's1', docName: 'table-1', label: { phaseId: 'a', round: 1 }, createdAt: 10, bytes: 30 },
        { snapshotId: third, sessionId: 's1', docName: 'table-1', label: { phaseId: 'b', round: 1 }, createdAt: 12, bytes: 50 },
      ]);
      const loaded = await store.loadHistorySnapshot('s1', third);
      expect(loaded?.state).toEqual(binary(50));
      expect(await store.loadHistorySnapshot('s2', third)).toBeNull();
      expect(await store.listHistory('s2')).toEqual([]);
      await expect(store.saveHistorySnapshot({ sessionId: 'ghost', docName: 'table-1', label: {}, state: binary(1), createdAt: 1 })).rejects.toThrow();
    });

    it('SC20 replaces a control state only at the expected version (compare and set)', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      expect(await store.replaceControlState('s1', 'lobby', { version: 1 }, 1, null)).toBe(true);
      expect(await store.replaceControlState('s1', 'lobby', { version: 1, other: true }, 1, null)).toBe(false); // someone stored first
      expect(await store.replaceControlState('s1', 'running', { version: 2 }, 2, 1)).toBe(true);
      expect(await store.replaceControlState('s1', 'running', { version: 2, stale: true }, 2, 1)).toBe(false);
      expect(await store.loadControlState('s1')).toEqual({ version: 2 });
      const racers = await Promise.all([store.replaceControlState('s1', 'paused', { version: 3, by: 'a' }, 3, 2), store.replaceControlState('s1', 'paused', { version: 3, by: 'b' }, 3, 2)]);
      expect(racers.filter(Boolean)).toHaveLength(1);
      expect(await store.listActiveControlStates()).toHaveLength(1);
      await expect(store.replaceControlState('ghost', 'running', {}, 1, null)).rejects.toThrow();
    });

    it('SC23 replaces a session’s invite code, and says false for an unknown session', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      expect(await store.setInviteCode('s1', 'WXYZ6789')).toBe(true);
      expect((await store.getSession('s1'))?.inviteCode).toBe('WXYZ6789');
      expect(await store.setInviteCode('ghost', 'WXYZ6789')).toBe(false);
    });

    it('SC21 removes a participant, and deletes a session with everything of it, leaving other sessions alone', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s11'), participant('s11', 'p_other', SessionRole.Host, 1));
      await store.addParticipant(participant('s1', 'p_a', SessionRole.Participant, 2));
      expect(await store.removeParticipant('s1', 'p_a')).toBe(true);
      expect(await store.removeParticipant('s1', 'p_a')).toBe(false);
      expect(await store.getParticipant('s1', 'p_a')).toBeNull();
      const keep = typedUpdates('other');
      for (const id of ['s1', 's11']) {
        await store.appendUpdates(typedUpdates('gone').map((update) => ({ docKey: `${id}/table-1`, update })));
        await putUpload(store, upload(id, `u_${id}`, UPLOAD_CHUNK_BYTES + 10), binary(UPLOAD_CHUNK_BYTES + 10));
        await store.replaceControlState(id, 'running', { version: 1 }, 1, null);
        await store.saveHistorySnapshot({ sessionId: id, docName: 'table-1', label: {}, state: binary(5), createdAt: 1 });
        await store.createRecordLink({ linkId: `r_${id}`, sessionId: id, options: {}, createdBy: 'p_host', createdAt: 1, revokedAt: null });
      }
      await store.appendUpdates(keep.map((update) => ({ docKey: 's1/plenary', update })));
      await store.compactDocument('s1/plenary', mergeYjsDocument);
      const unfinished = await store.uploads.begin('s1', 'u_unfinished');
      await unfinished.write(binary(UPLOAD_CHUNK_BYTES));
      expect(await store.deleteSession('s1')).toBe(true);
      expect(await store.deleteSession('s1')).toBe(false);
      expect(await store.getSession('s1')).toBeNull();
      expect(await store.listParticipants('s1')).toEqual([]);
      expect(await store.loadDocument('s1/table-1')).toEqual({ snapshot: null, updates: [], bytes: 0 });
      expect(await store.loadDocument('s1/plenary')).toEqual({ snapshot: null, updates: [], bytes: 0 });
      expect(await readUpload(store, 's1', 'u_s1')).toBeNull();
      for (const [uploadId, index] of [['u_s1', 0], ['u_s1', 1], ['u_unfinished', 0]] as const) expect(await store.uploads.readChunk('s1', uploadId, index)).toBeNull();
      expect(await store.loadControlState('s1')).toBeNull();
      expect(await store.listHistory('s1')).toEqual([]);
      expect(await store.getRecordLink('r_s1')).toBeNull();
      expect(await store.listRecordLinks('s1')).toEqual([]);
      // s11 starts with "s1" but is another session: untouched.
      expect(await store.getSession('s11')).not.toBeNull();
      expect(textOf(null, (await store.loadDocument('s11/table-1')).updates)).toBe('gone');
      expect((await readUpload(store, 's11', 'u_s11'))?.bytes.byteLength).toBe(UPLOAD_CHUNK_BYTES + 10);
      expect(await store.listHistory('s11')).toHaveLength(1);
      expect(await store.getRecordLink('r_s11')).not.toBeNull();
    });

    it('SC22 keeps record links with their options, newest first, revoked once, also after reopening', async () => {
      await store.createSession(session('s1'), participant('s1', 'p_host', SessionRole.Host, 1));
      await store.createSession(session('s2'), participant('s2', 'p_other', SessionRole.Host, 1));
      const options = { timeZone: 'Europe/Paris', names: false, organizations: true, systemRoles: false };
      const first = { linkId: 'r_first', sessionId: 's1', options, createdBy: 'p_host', createdAt: 1_700_000_000_000, revokedAt: null };
      await store.createRecordLink(first);
      await store.createRecordLink({ ...first, linkId: 'r_second', createdAt: 1_700_000_000_100 });
      await store.createRecordLink({ ...first, linkId: 'r_other', sessionId: 's2', createdBy: 'p_other' });
      expect(await store.getRecordLink('r_first')).toEqual(first);
      expect((await store.listRecordLinks('s1')).map((l) => l.linkId)).toEqual(['r_second', 'r_first']);
      await expect(store.createRecordLink(first)).rejects.toThrow();
      await expect(store.createRecordLink({ ...first, linkId: 'r_ghost', sessionId: 'ghost' })).rejects.toThrow();
      expect(await store.revokeRecordLink('s2', 'r_first', 5)).toBe(false); // another session's link
      expect(await store.revokeRecordLink('s1', 'r_first', 1_700_000_000_500)).toBe(true);
      expect(await store.revokeRecordLink('s1', 'r_first', 1_700_000_000_900)).toBe(false); // once
      expect(await store.revokeRecordLink('s1', 'r_unknown', 5)).toBe(false);
      if (factory.reopen) store = await factory.reopen(store);
      expect(await store.getRecordLink('r_first')).toEqual({ ...first, revokedAt: 1_700_000_000_500 });
      expect((await store.getRecordLink('r_second'))?.revokedAt).toBeNull();
      expect(await store.getRecordLink('r_unknown')).toBeNull();
    });
  });
}
