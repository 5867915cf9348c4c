/**
 * Persistence under storage failure: a real SQLite store whose writes are made to fail for a
 * while (fault injection). Updates stay queued and are retried; a document is not unloaded
 * while it holds unstored changes; once storage recovers everything is committed.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_FILE_NAME } from '../../app.js';
import { openSqliteStorage, type SqliteStorage } from '../../storage/sqliteStorage.js';
import type { PendingUpdate } from '../../storage/port.js';
import {
  connectClient,
  createSessionWith,
  startTestServer,
  tempDataDir,
  waitFor,
  type TestServer,
  type YClient,
} from '../../testing/testServer.js';

/** Wraps a real store so its appends can be made to fail. */
function flakyWrites(store: SqliteStorage): { store: SqliteStorage; setFailing(on: boolean): void } {
  let failing = false;
  const append = store.appendUpdates.bind(store);
  store.appendUpdates = async (batch: readonly PendingUpdate[]) => {
    if (failing) throw new Error('disk I/O error (injected)');
    return append(batch);
  };
  return { store, setFailing: (on) => (failing = on) };
}

let t: TestServer | undefined;
let client: YClient | undefined;
afterEach(async () => {
  client?.destroy();
  await t?.stop();
});

describe('persistence when storage fails', () => {
  it('P1 keeps failed writes queued, retries, and never unloads unstored changes', async () => {
    const dataDir = tempDataDir();
    const flaky = flakyWrites(openSqliteStorage(path.join(dataDir, SQLITE_FILE_NAME)));
    t = await startTestServer({ DATA_DIR: dataDir, DOC_UNLOAD_GRACE_MS: '20' }, { storage: flaky.store });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    client = connectClient(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await client.synced;

    flaky.setFailing(true);
    client.doc.getText('t').insert(0, 'must not be lost');
    await waitFor(() => t!.server.persistence.pendingUpdates > 0, 2000, 'update queued');
    await expect(t.server.persistence.flush()).rejects.toThrow(/injected/);
    client.destroy();
    client = undefined;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.server.relay.loadedRoom(key), 'document kept in memory while unstored').toBeDefined();
    expect(t.server.persistence.pendingUpdates).toBeGreaterThan(0);

    flaky.setFailing(false);
    await waitFor(() => t!.server.persistence.pendingUpdates === 0, 5000, 'retry succeeded');
    await waitFor(() => t!.server.relay.stats().rooms === 0, 5000, 'unloaded after storing');
    const stored = await t.server.storage.loadDocument(key);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getText('t').toString()).toBe('must not be lost');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_errors_total\{kind="storage_flush"\} [1-9]/);
  });
});
