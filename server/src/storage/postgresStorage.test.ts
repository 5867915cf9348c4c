/**
 * The storage contract against a real PostgreSQL (see testing/services.ts): every test gets a
 * fresh schema, dropped afterwards. Plus what only Postgres has: migrations under a lock when
 * nodes start together, compactions of one document from two nodes at once, clear start errors.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, serviceAvailable } from '../testing/services.js';
import { WHOLE_STORED_UPLOADS, expectWholeStoredUploadsKept, storageContractSuite } from './contractSuite.js';
import { mergeYjsDocument } from './mergeDocument.js';
import { PostgresStartError, migratePostgresSchema, openPostgresStorage, type PostgresStorage } from './postgresStorage.js';

const available = await serviceAvailable('postgres');
const schemas: string[] = [];
const schemaOf = new WeakMap<object, string>();
const freshSchema = () => {
  const schema = `wt_test_${crypto.randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  if (!available || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

if (available) {
  storageContractSuite('postgres', {
    async create() {
      const schema = freshSchema();
      const store = await openPostgresStorage(TEST_DATABASE_URL, { schema, poolSize: 4 });
      schemaOf.set(store, schema);
      return store;
    },
    async reopen(previous) {
      const schema = schemaOf.get(previous);
      if (!schema) throw new Error('unknown store');
      await previous.close();
      const store = await openPostgresStorage(TEST_DATABASE_URL, { schema, poolSize: 4 });
      schemaOf.set(store, schema);
      return store;
    },
  });
}

describe.skipIf(!available)('postgres adapter specifics', () => {
  it('PG1 two nodes starting at once migrate once and both work', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([
      openPostgresStorage(TEST_DATABASE_URL, { schema }),
      openPostgresStorage(TEST_DATABASE_URL, { schema }),
    ]);
    await a.createSession(
      { sessionId: 'sess0001', title: 'T', protocol: null, inviteCode: 'ABCD2345', createdAt: 1, customProtocol: null },
      { participantId: 'p_h', sessionId: 'sess0001', name: 'H', role: 'host', joinedAt: 1 },
    );
    expect((await b.getSession('sess0001'))?.title).toBe('T');
    await Promise.all([a.close(), b.close()]);
  });

  it('PG2 two nodes compacting one document at once: serialized by the lock, nothing lost', async () => {
    const schema = freshSchema();
    const stores: PostgresStorage[] = await Promise.all([
      openPostgresStorage(TEST_DATABASE_URL, { schema }),
      openPostgresStorage(TEST_DATABASE_URL, { schema }),
    ]);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 200; i++) doc.getText('t').insert(doc.getText('t').length, String(i % 10));
    await stores[0]!.appendUpdates(updates.slice(0, 100).map((update) => ({ docKey: 's/d', update })));
    let concurrent = 0;
    let maxConcurrent = 0;
    const slowMerge = (snapshot: Uint8Array | null, log: Uint8Array[]) => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const started = Date.now();
      while (Date.now() - started < 30); // hold the lock a moment
      concurrent--;
      return mergeYjsDocument(snapshot, log);
    };
    await Promise.all([
      stores[0]!.compactDocument('s/d', slowMerge),
      stores[1]!.compactDocument('s/d', slowMerge),
      stores[1]!.appendUpdates(updates.slice(100).map((update) => ({ docKey: 's/d', update }))),
    ]);
    expect(maxConcurrent).toBe(1);
    const loaded = await stores[0]!.loadDocument('s/d');
    const check = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(check, loaded.snapshot);
    for (const u of loaded.updates) Y.applyUpdate(check, u);
    expect(check.getText('t').toString()).toBe(doc.getText('t').toString());
    await Promise.all(stores.map((s) => s.close()));
  });

  it('PG4 moves the uploads an older server kept whole into chunks, where they read back unchanged', async () => {
    const schema = freshSchema();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    await migratePostgresSchema(client, schema, 4); // the schema before uploads were chunked
    await client.query("INSERT INTO sessions (session_id, title, invite_code, created_at) VALUES ('s1', 'T', 'ABCD2345', 1)");
    for (const { uploadId, bytes } of WHOLE_STORED_UPLOADS) {
      await client.query(
        "INSERT INTO uploads (upload_id, session_id, mime, size, name, sha256, created_by, created_at, data) VALUES ($1, 's1', 'application/pdf', $2, 'a.pdf', 'ab', 'p_h', 1, $3)",
        [uploadId, bytes.byteLength, bytes],
      );
    }
    await client.end();

    const store = await openPostgresStorage(TEST_DATABASE_URL, { schema });
    await expectWholeStoredUploadsKept(store);
    await store.close();
  });

  it('PG3 an unreachable database or a newer schema is refused with what to do', async () => {
    await expect(openPostgresStorage('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(
      /cannot use the database at DATABASE_URL .*check that PostgreSQL is running/,
    );
    const schema = freshSchema();
    const store = await openPostgresStorage(TEST_DATABASE_URL, { schema });
    await store.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`UPDATE ${schema}.worktable_schema SET version = 99`);
    await client.end();
    await expect(openPostgresStorage(TEST_DATABASE_URL, { schema })).rejects.toThrow(PostgresStartError);
    await expect(openPostgresStorage(TEST_DATABASE_URL, { schema })).rejects.toThrow(/newer Worktable/);
  });
});
