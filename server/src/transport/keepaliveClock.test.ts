/**
 * KA2 on a fake clock: a lone y-websocket client stays connected for two minutes, four times its
 * 30 s silence timeout. The clock is faked before any module loads (`vi.hoisted`), so the server's
 * keepalive and heartbeat timers, y-websocket's silence check and lib0's `Date.now` (captured at
 * import) all read the same clock; it runs with real time and is pushed forward a second at a time,
 * with real socket I/O between steps. Real server, real sockets, real y-websocket client.
 */
import { vi } from 'vitest';

vi.hoisted(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });
});

import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, createSessionWith, startTestServer, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
afterAll(async () => {
  await t?.stop();
  vi.useRealTimers();
});

/** Moves the fake clock `ms` forward one second at a time, letting sockets deliver between steps. */
async function liveThrough(ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 1_000) {
    await vi.advanceTimersByTimeAsync(1_000);
    await new Promise((r) => setTimeout(r, 15));
  }
}

describe('keepalive on a fake clock', () => {
  it('KA2 a lone y-websocket client stays connected for two minutes, four times its 30 s timeout', async () => {
    t = await startTestServer();
    const { session } = await createSessionWith(t.url);
    const client = connectClient(t.wsUrl, session.sessionId, 'table-1', session.hostToken);
    await client.synced;
    const statuses: string[] = [];
    client.provider.on('status', ({ status }: { status: string }) => statuses.push(status));
    const started = Date.now();
    await liveThrough(122_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(122_000);
    expect(statuses).toEqual([]);
    expect(client.provider.wsconnected).toBe(true);
    client.destroy();
  });
});
