import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeYjsDocument } from './mergeDocument.js';
import { SqliteAppendError } from './sqliteAppender.js';
import { tempDataDir } from '../testing/testServer.js';
import { WHOLE_STORED_UPLOADS, expectWholeStoredUploadsKept, storageContractSuite } from './contractSuite.js';
import { SqliteStorage, migrateSqliteSchema, openSqliteStorage } from './sqliteStorage.js';

const files = new WeakMap<object, string>();

storageContractSuite('sqlite', {
  async create() {
    const file = path.join(tempDataDir(), 'worktable.sqlite');
    const store = openSqliteStorage(file);
    files.set(store, file);
    return store;
  },
  async reopen(previous) {
    const file = files.get(previous);
    if (!file) throw new Error('unknown store');
    await previous.close();
    const store = openSqliteStorage(file);
    files.set(store, file);
    return store;
  },
});

describe('sqlite adapter specifics', () => {
  it('uses WAL and full synchronous commits', () => {
    const file = path.join(tempDataDir(), 'w.sqlite');
    const store = openSqliteStorage(file);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    void store.close();
  });

  it('refuses a database written by a newer schema with a clear message', () => {
    const file = path.join(tempDataDir(), 'future.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStorage(file)).toThrow(/newer Worktable/);
  });

  it('moves the uploads an older server kept whole into chunks, where they read back unchanged', async () => {
    const file = path.join(tempDataDir(), 'old.sqlite');
    const old = new Database(file);
    migrateSqliteSchema(old, 9); // the schema before uploads were chunked
    old.prepare("INSERT INTO sessions (session_id, title, invite_code, created_at) VALUES ('s1', 'T', 'ABCD2345', 1)").run();
    const insert = old.prepare(
      "INSERT INTO uploads (upload_id, session_id, mime, size, name, sha256, created_by, created_at, data) VALUES (?, 's1', 'application/pdf', ?, 'a.pdf', 'ab', 'p_h', 1, ?)",
    );
    for (const { uploadId, bytes } of WHOLE_STORED_UPLOADS) insert.run(uploadId, bytes.byteLength, bytes);
    old.close();

    const store = openSqliteStorage(file);
    await expectWholeStoredUploadsKept(store);
    await store.close();
    const db = new Database(file, { readonly: true });
    const columns = db.prepare<[], string>("SELECT name FROM pragma_table_info('uploads')").pluck().all();
    expect(columns).not.toContain('data');
    db.close();
  });

  it('makes an online backup that opens with every session', async () => {
    const dir = tempDataDir();
    const store = openSqliteStorage(path.join(dir, 'a.sqlite'));
    await store.createSession(
      { sessionId: 'sess0001', title: 'T', protocol: null, inviteCode: 'ABCD2345', createdAt: 1, customProtocol: null },
      { participantId: 'p_h', sessionId: 'sess0001', name: 'H', role: 'host', joinedAt: 1 },
    );
    await store.backup(path.join(dir, 'copy.sqlite'));
    await store.close();
    expect(fs.existsSync(path.join(dir, 'copy.sqlite'))).toBe(true);
    const copy = new SqliteStorage(new Database(path.join(dir, 'copy.sqlite')));
    expect((await copy.getSession('sess0001'))?.title).toBe('T');
    await copy.close();
  });

  it('commits updates on its worker thread while compactions run on the main connection, losing none', async () => {
    const store = openSqliteStorage(path.join(tempDataDir(), 'w.sqlite'));
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = 'the quick brown fox jumps over the lazy dog '.repeat(8);
    for (const character of text) source.getText('t').insert(source.getText('t').length, character);
    const work: Array<Promise<unknown>> = [];
    for (let i = 0; i < updates.length; i += 10) {
      work.push(store.appendUpdates(updates.slice(i, i + 10).map((update) => ({ docKey: 'd/a', update }))));
      if (i % 50 === 0) work.push(store.compactDocument('d/a', mergeYjsDocument));
    }
    await Promise.all(work);
    const loaded = await store.loadDocument('d/a');
    const restored = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(restored, loaded.snapshot);
    for (const update of loaded.updates) Y.applyUpdate(restored, update);
    expect(restored.getText('t').toString()).toBe(text);
    await store.close();
  });

  it("rejects a batch its worker's connection refuses with SQLite's code, and keeps serving", async () => {
    const file = path.join(tempDataDir(), 'w.sqlite');
    const store = openSqliteStorage(file);
    await store.appendUpdates([{ docKey: 'd/a', update: Y.encodeStateAsUpdate(new Y.Doc()) }]);
    const other = new Database(file);
    other.exec('ALTER TABLE doc_updates RENAME TO doc_updates_away');
    const refused = await store.appendUpdates([{ docKey: 'd/a', update: new Uint8Array([0, 0]) }]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SqliteAppendError);
    expect((refused as SqliteAppendError).code).toBe('SQLITE_ERROR');
    other.exec('ALTER TABLE doc_updates_away RENAME TO doc_updates');
    other.close();
    await store.appendUpdates([{ docKey: 'd/a', update: new Uint8Array([0, 0]) }]);
    expect((await store.loadDocument('d/a')).updates).toHaveLength(2);
    await store.close();
  });

  it('appends on the main connection once its worker has died', async () => {
    const file = path.join(tempDataDir(), 'w.sqlite');
    const store = openSqliteStorage(file);
    const other = new Database(file);
    // The worker starts at the first append and dies at once: the table it prepares for is missing.
    other.exec('ALTER TABLE doc_updates RENAME TO doc_updates_away');
    await expect(store.appendUpdates([{ docKey: 'd/a', update: new Uint8Array([0, 0]) }])).rejects.toThrow(/no such table/);
    other.exec('ALTER TABLE doc_updates_away RENAME TO doc_updates');
    other.close();
    await store.appendUpdates([{ docKey: 'd/a', update: new Uint8Array([0, 0]) }]);
    await store.appendUpdates([{ docKey: 'd/b', update: new Uint8Array([0, 0]) }]);
    expect((await store.loadDocument('d/a')).updates).toHaveLength(1);
    expect((await store.loadDocument('d/b')).updates).toHaveLength(1);
    await store.close();
  });
});
