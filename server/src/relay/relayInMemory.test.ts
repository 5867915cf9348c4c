/**
 * What the relay does with a document, through an in-memory socket pair (`connectMemoryClient`):
 * the same server and SQLite file as the other relay tests, built without listening, with no
 * WebSocket between the clients and the relay. Convergence, separate documents, read-only
 * observers. What depends on the socket itself (frame sizes, upgrades, slow readers, restarts
 * over the network) is in `relay.test.ts` and `relayGuards.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMemoryClient, type MemoryClient } from '../testing/memoryClient.js';
import { buildTestApp, type TestApp } from '../testing/testApp.js';
import { waitFor } from '../testing/testServer.js';
import { storedText } from './relayTestFleet.js';

let app: TestApp | undefined;
const clients: MemoryClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await app?.stop();
  app = undefined;
});

/** A test app (built, not listening), stopped after the test. */
async function startApp(): Promise<TestApp> {
  app = await buildTestApp();
  return app;
}

/** A client of `docName` in memory, destroyed after the test. */
async function connect(t: TestApp, sessionId: string, docName: string, token: string): Promise<MemoryClient> {
  const client = await connectMemoryClient(t.server.relay, sessionId, docName, token);
  clients.push(client);
  return client;
}

describe('sync', () => {
  it('R1 two clients converge on concurrent edits', async () => {
    const t = await startApp();
    const { session, members } = await t.createSessionWith(['Ana', 'Ben']);
    const a = await connect(t, session.sessionId, 'table-1', members[0]!.token);
    const b = await connect(t, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('t').insert(0, 'left ');
    b.doc.getText('t').insert(0, 'right ');
    a.doc.getMap('m').set('x', 1);
    await waitFor(() => a.doc.getText('t').length === 11 && b.doc.getText('t').length === 11, 5000, 'both edits');
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    await waitFor(() => b.doc.getMap('m').get('x') === 1);
    expect(await storedText(t, `${session.sessionId}/table-1`)).toBe(a.doc.getText('t').toString());
  });

  it('R3 documents of one session are separate', async () => {
    const t = await startApp();
    const { session, members } = await t.createSessionWith(['Ana']);
    const one = await connect(t, session.sessionId, 'table-1', members[0]!.token);
    const two = await connect(t, session.sessionId, 'table-2', members[0]!.token);
    await Promise.all([one.synced, two.synced]);
    one.doc.getText('t').insert(0, 'one');
    await waitFor(() => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').length === 3);
    expect(two.doc.getText('t').toString()).toBe('');
    expect(await storedText(t, `${session.sessionId}/table-2`)).toBe('');
  });
});

describe('read-only observers', () => {
  it('R4 observer writes are neither stored nor relayed, and observers still receive edits', async () => {
    const t = await startApp();
    const { session, members } = await t.createSessionWith(['Ana']);
    const joined = await t.postJson<{ token: string }>(`/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: 'Olu',
      role: 'observer',
    });
    const writer = await connect(t, session.sessionId, 'table-1', members[0]!.token);
    const observer = await connect(t, session.sessionId, 'table-1', joined.body.token);
    await Promise.all([writer.synced, observer.synced]);

    observer.doc.getText('t').insert(0, 'sneaky ');
    writer.doc.getText('t').insert(0, 'real');
    await waitFor(() => observer.doc.getText('t').toString().includes('real'), 5000, 'observer receives edits');
    // Give the dropped update time to (wrongly) arrive before asserting it did not.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writer.doc.getText('t').toString()).toBe('real');
    expect(t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').toString()).toBe('real');
    expect(await storedText(t, `${session.sessionId}/table-1`)).toBe('real');
  });
});
