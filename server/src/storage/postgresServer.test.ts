/** A whole server on PostgreSQL (DATABASE_URL): sessions, documents, uploads and control state survive a restart. */
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openControlClient } from '../testing/controlClient.js';
import { createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { connectClient, createSessionWith, startTestServer, waitFor } from '../testing/testServer.js';

const available = await serviceAvailable('postgres');
afterAll(dropTestDatabases);

describe.skipIf(!available)('server on postgres', () => {
  it('PS1 serves sessions, documents, uploads and runs from Postgres, and finds them again after a restart', async () => {
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
    // A file of a few chunks, a PNG by its signature.
    const png = crypto.randomBytes(3 * 256 * 1024 + 100);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const auth = { authorization: `Bearer ${session.hostToken}` };
    const posted = await fetch(`${first.url}/api/sessions/${session.sessionId}/uploads?name=board.png`, {
      method: 'POST',
      headers: auth,
      body: png,
    });
    expect(posted.status).toBe(201);
    const { uploadId } = (await posted.json()) as { uploadId: string };
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
    const got = await fetch(`${second.url}/api/sessions/${session.sessionId}/uploads/${uploadId}`, { headers: auth });
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
    const range = await fetch(`${second.url}/api/sessions/${session.sessionId}/uploads/${uploadId}`, {
      headers: { ...auth, range: 'bytes=262140-262149' },
    });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(png.subarray(262140, 262150))).toBe(true);
    back.close();
    again.destroy();
    await second.stop();
  });
});
