/** A whole server on PostgreSQL (DATABASE_URL): sessions, documents and control state survive a restart. */
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openControlClient } from '../testing/controlClient.js';
import { createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { connectClient, createSessionWith, startTestServer, waitFor } from '../testing/testServer.js';

const available = await serviceAvailable('postgres');
afterAll(dropTestDatabases);

describe.skipIf(!available)('server on postgres', () => {
  it('PS1 serves sessions, documents and runs from Postgres, and finds them again after a restart', async () => {
    const { url } = await createTestDatabase('wt_server');
    // Nodes share the database and TOKEN_SECRET (their data folders differ).
    const env = { DATABASE_URL: url, TOKEN_SECRET: crypto.randomBytes(32).toString('hex') };
    const first = await startTestServer(env);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toMatchObject({ status: 'ok', storage: { engine: 'postgres', ok: true } });
    const { session, members } = await createSessionWith(first.url, ['Ana']);
    const table = connectClient(first.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await table.synced;
    table.doc.getText('t').insert(0, 'kept in postgres');
    const host = openControlClient(first.url, session.hostToken);
    await waitFor(() => host.states.length > 0);
    await host.send({ action: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    host.close();
    table.destroy();
    await first.stop();

    const second = await startTestServer(env);
    const again = connectClient(second.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await again.synced;
    expect(again.doc.getText('t').toString()).toBe('kept in postgres');
    const back = openControlClient(second.url, session.hostToken);
    await waitFor(() => back.states.length > 0);
    expect(back.latest()?.status).toBe('running');
    back.close();
    again.destroy();
    await second.stop();
  });
});
