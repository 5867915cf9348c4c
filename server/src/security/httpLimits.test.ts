/**
 * The Node HTTP server's limits with a real server and real TCP sockets: clients that never finish
 * their headers (slowloris) are answered 408 and closed after HEADERS_TIMEOUT_MS while /healthz
 * keeps answering, and connections over MAX_CONNECTIONS are closed as they arrive.
 */
import { controlAuth } from '@worktable/shared';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import {
  closeCodeOf,
  createSessionWith,
  openRawSocket,
  scrapeMetric,
  startTestServer,
  waitFor,
  type TestServer,
} from '../testing/testServer.js';

let t: TestServer | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await t?.stop();
  t = undefined;
});

/** A raw TCP connection to the test server, resolved once connected, that records when the server closed it. */
function connect(url: string): Promise<{ socket: net.Socket; closedAt: () => number | null; received: () => string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let closedAt: number | null = null;
    let received = '';
    const socket = net.connect({ host: hostname, port: Number(port) }, () =>
      resolve({ socket, closedAt: () => closedAt, received: () => received }),
    );
    sockets.push(socket);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => (closedAt ??= performance.now()));
    socket.on('error', () => (closedAt ??= performance.now()));
    socket.once('error', reject);
  });
}

describe('HTTP server limits', () => {
  it('HL1 300 sockets that never finish their headers: /healthz answers at once, the server closes them after the headers timeout', async () => {
    const headersTimeoutMs = 500;
    t = await startTestServer({ HEADERS_TIMEOUT_MS: String(headersTimeoutMs) });
    const opened = performance.now();
    const slow = await Promise.all(Array.from({ length: 300 }, () => connect(t!.url)));
    // Half send an incomplete request line, half part of the headers; none ever finishes.
    slow.forEach(({ socket }, i) => {
      socket.write(i % 2 ? 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' : 'GET /hea');
    });
    const asked = performance.now();
    const health = await fetch(`${t.url}/healthz`, { headers: { connection: 'close' } });
    const healthMs = performance.now() - asked;
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(headersTimeoutMs);
    expect(slow.every((s) => s.closedAt() === null)).toBe(true);

    await waitFor(() => slow.every((s) => s.closedAt() !== null), 5000, 'every slow socket closed');
    const closedAfter = slow.map((s) => s.closedAt()! - opened);
    const latest = Math.max(...closedAfter);
    const earliest = Math.min(...closedAfter);
    expect(earliest).toBeGreaterThanOrEqual(headersTimeoutMs - 50);
    expect(latest).toBeLessThan(headersTimeoutMs * 3);
    expect(slow.every((s) => s.received().startsWith('HTTP/1.1 408'))).toBe(true);
    expect(await scrapeMetric(t.url, 'worktable_limited_total{limit="http_timeout"}')).toBe(300);
    console.log(
      `[hostile] HL1 ${JSON.stringify({ slowSockets: 300, headersTimeoutMs, healthzMs: Math.round(healthMs), closedAfterMs: [Math.round(earliest), Math.round(latest)] })}`,
    );
  });

  it('HL2 over MAX_CONNECTIONS a new connection is closed at once; when one leaves, the server answers again', async () => {
    t = await startTestServer({ MAX_CONNECTIONS: '10' });
    const held = await Promise.all(Array.from({ length: 10 }, () => connect(t!.url)));
    const extra = await connect(t.url).catch(() => null);
    if (extra) await waitFor(() => extra.closedAt() !== null, 2000, 'the connection over the cap closed');
    for (const { socket } of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect(await scrapeMetric(t.url, 'worktable_limited_total{limit="max_connections"}')).toBeGreaterThanOrEqual(1);
  });

  it('HL3 WebSockets outlive the request timeout: a document socket and a socket.io connection stay open past it', async () => {
    t = await startTestServer({ HEADERS_TIMEOUT_MS: '200', REQUEST_TIMEOUT_MS: '300' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const ws = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const control = connectSocket(t.url, {
      auth: controlAuth(members[0]!.token),
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve) => control.on('connect', () => resolve()));
    const closed = closeCodeOf(ws, 1500).then(
      () => true,
      () => false,
    );
    expect(await closed).toBe(false);
    expect(ws.readyState).toBe(ws.OPEN);
    expect(control.connected).toBe(true);
    control.disconnect();
    ws.close();
  });
});
