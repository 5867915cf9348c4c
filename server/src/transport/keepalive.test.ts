/**
 * A lone participant's document connection stays open: the y-websocket client hangs up after
 * 30 s without a message, and nobody else's presence reaches a lone client, so the server sends
 * an empty presence message after `KEEPALIVE_MS` of silence. Real server, real sockets. KA2, the
 * two minutes with a real y-websocket client, runs on a fake clock in `keepaliveClock.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionWith, openRawSocket, startTestServer, type TestServer } from '../testing/testServer.js';

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
});
