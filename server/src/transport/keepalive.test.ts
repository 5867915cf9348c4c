/**
 * A lone participant's document connection stays open: the y-websocket client hangs up after
 * 30 s without a message, and nobody else's presence reaches a lone client, so the server sends
 * an empty presence message after `KEEPALIVE_MS` of silence. Real server, real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, createSessionWith, openRawSocket, startTestServer, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('keepalive', () => {
  it('KA1 a silent connection gets an empty presence message after the keepalive time, and only then', async () => {
    t = await startTestServer({}, { keepaliveMs: 300 });
    const { session } = await createSessionWith(t.url);
    const ws = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', session.hostToken);
    const keepalives: number[] = [];
    const opened = Date.now();
    ws.on('message', (data: Buffer) => {
      if (data.length === 3 && data[0] === 1 && data[1] === 1 && data[2] === 0) keepalives.push(Date.now() - opened);
    });
    await new Promise((r) => setTimeout(r, 1_400));
    ws.close();
    expect(keepalives.length).toBeGreaterThanOrEqual(2);
    expect(keepalives.length).toBeLessThanOrEqual(5);
    expect(keepalives[0]).toBeGreaterThanOrEqual(250);
  });

  it('KA2 a lone y-websocket client stays connected for two minutes, four times its 30 s timeout', { timeout: 150_000 }, async () => {
    t = await startTestServer();
    const { session } = await createSessionWith(t.url);
    const client = connectClient(t.wsUrl, session.sessionId, 'table-1', session.hostToken);
    await client.synced;
    const statuses: string[] = [];
    client.provider.on('status', ({ status }: { status: string }) => statuses.push(status));
    await new Promise((r) => setTimeout(r, 122_000));
    expect(statuses).toEqual([]);
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });
});
