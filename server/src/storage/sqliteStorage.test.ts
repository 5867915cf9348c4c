import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/testServer.js';
import { storageContractSuite } from './contractSuite.js';
import { SqliteStorage, openSqliteStorage } from './sqliteStorage.js';

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
});
