/**
 * The document size limit with two nodes on one real PostgreSQL and one real Redis: what a node's
 * copy of a document holds includes the updates other nodes' clients sent, so churn elsewhere does
 * not trip the limit here, and growth elsewhere counts against it here.
 */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@worktable/shared';
import { typeAndDelete } from '../testing/churn.js';
import { openRawWriter, type RawWriter } from '../testing/rawWriter.js';
import { TEST_REDIS_URL, createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { connectClient, createSessionWith, startTestServer, waitFor, type TestServer, type YClient } from '../testing/testServer.js';

const available = (await serviceAvailable('postgres')) && (await serviceAvailable('redis'));
/** The limit this test runs with: 64 KiB. */
const LIMIT = 64 * 1024;
const servers: TestServer[] = [];
const clients: YClient[] = [];
const writers: RawWriter[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const w of writers.splice(0)) w.close();
  for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
});

afterAll(dropTestDatabases);

describe.skipIf(!available)('document size across nodes', () => {
  it('DS4 churn on one node never trips the limit on the other; growth on one counts against it on the other', async () => {
    const { url } = await createTestDatabase('wt_docsize');
    const env = {
      DATABASE_URL: url,
      REDIS_URL: TEST_REDIS_URL,
      TOKEN_SECRET: crypto.randomBytes(32).toString('hex'),
      MAX_DOC_BYTES: String(LIMIT),
    };
    for (let i = 0; i < 2; i++) servers.push(await startTestServer(env));
    const [a, b] = servers as [TestServer, TestServer];
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben', 'Cy']);
    const key = `${session.sessionId}/table-1`;
    const ana = connectClient(a.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const ben = connectClient(b.wsUrl, session.sessionId, 'table-1', members[1]!.token);
    clients.push(ana, ben);
    await Promise.all([ana.synced, ben.synced]);
    const closes: number[] = [];
    for (const c of [ana, ben]) c.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const onB = () => b.server.relay.loadedRoom(key)!;

    const churn = await typeAndDelete(ana.doc.getText('t'), 10 * LIMIT);
    ana.doc.getText('t').insert(0, 'from a. ');
    await waitFor(() => ben.doc.getText('t').toString() === 'from a. ', 20_000, 'node b relays the churn');
    ben.doc.getText('t').insert(8, 'from b.');
    await waitFor(() => ana.doc.getText('t').toString() === 'from a. from b.', 10_000, 'node a gets b’s change');
    expect(closes).toEqual([]);

    // Node a's client fills 60% of the limit; a writer on node b then tries to add 50%.
    const growth = Math.round(0.6 * LIMIT);
    ana.doc.getText('t').insert(0, 'x'.repeat(growth));
    await waitFor(() => onB().doc.getText('t').length === growth + 15, 10_000, 'node b holds a’s growth');
    const writer = await openRawWriter(b.wsUrl, session.sessionId, 'table-1', members[2]!.token);
    writers.push(writer);
    writer.doc.getText('t').insert(0, 'y'.repeat(0.5 * LIMIT));
    const closed = await writer.closed;
    const encodedOnB = Y.encodeStateAsUpdate(onB().doc).byteLength;
    console.info(
      `across nodes: ${churn.bytes} bytes of churn on a (${(churn.bytes / LIMIT).toFixed(1)}× the limit) left node b's copy at an estimate of ` +
        `${onB().size.estimateBytes} bytes (${encodedOnB} encoded, ${onB().size.measurements} measurements); b's writer of ${LIMIT / 2} bytes closed ${closed.code}`,
    );
    expect(closed.code).toBe(CloseCode.DocumentTooLarge);
    expect(onB().doc.getText('t').toString()).not.toContain('y');
    expect(encodedOnB).toBeLessThanOrEqual(LIMIT);
    expect(closes).toEqual([]);
  });
});
