/**
 * Connections open at once per token (`MAX_CONNECTIONS_PER_TOKEN`, default 20) and per client
 * address (`MAX_CONNECTIONS_PER_ADDRESS`) with a real server: on the control channel (socket.io
 * `connect_error` "too_many_connections") and on the document relay (HTTP 429 on the upgrade).
 * Closing connections gives their places back.
 */
import type { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlAuthError } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { createSessionWith, openOrRefused, scrapeMetric, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
const controls: ControlClient[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const c of controls.splice(0)) c.close();
  for (const ws of sockets.splice(0)) ws.terminate();
  await t?.stop();
  t = undefined;
});

type ControlOutcome = { ok: true; client: ControlClient } | { ok: false; message: string; data: unknown };

/** Opens a control connection; resolves once it is connected or refused. */
function openControl(token: string, headers: Record<string, string> = {}): Promise<ControlOutcome> {
  const client = openControlClient(t!.url, token, headers);
  controls.push(client);
  return new Promise((resolve) => {
    client.socket.once('connect', () => resolve({ ok: true, client }));
    client.socket.once('connect_error', (error: Error & { data?: unknown }) =>
      resolve({ ok: false, message: error.message, data: error.data }),
    );
  });
}

/** Opens `count` control connections, 50 at a time. */
async function openControls(count: number, token: string, headers: Record<string, string> = {}): Promise<ControlOutcome[]> {
  const outcomes: ControlOutcome[] = [];
  while (outcomes.length < count)
    outcomes.push(...(await Promise.all(Array.from({ length: Math.min(50, count - outcomes.length) }, () => openControl(token, headers)))));
  return outcomes;
}

/** Opens a document WebSocket; resolves with it, or with the refusing status. */
async function openDocument(sessionId: string, token: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  const opened = await openOrRefused(`${t!.wsUrl}/yjs/${sessionId}/table-1?token=${encodeURIComponent(token)}`, headers);
  if (typeof opened !== 'number') sockets.push(opened);
  return opened;
}

/** Opens `count` document WebSockets, 50 at a time. */
async function openDocuments(
  count: number,
  sessionId: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Array<WebSocket | number>> {
  const results: Array<WebSocket | number> = [];
  while (results.length < count)
    results.push(
      ...(await Promise.all(Array.from({ length: Math.min(50, count - results.length) }, () => openDocument(sessionId, token, headers)))),
    );
  return results;
}

const limited = (limit: string) => scrapeMetric(t!.url, `worktable_limited_total{limit="${limit}"}`);

describe('connections per token and per address', () => {
  it('CC1 500 control connections on one token: 20 connect, 480 get connect_error too_many_connections; closing 5 lets 5 more in', async () => {
    t = await startTestServer();
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const token = members[0]!.token;
    const started = performance.now();
    const outcomes = await openControls(500, token);
    const seconds = (performance.now() - started) / 1000;
    const connected = outcomes.filter((o): o is Extract<ControlOutcome, { ok: true }> => o.ok);
    const refused = outcomes.filter((o): o is Extract<ControlOutcome, { ok: false }> => !o.ok);
    expect(connected.length).toBe(20);
    expect(refused.length).toBe(480);
    expect(new Set(refused.map((r) => r.message))).toEqual(new Set([ControlAuthError.TooManyConnections]));
    expect(refused[0]!.data).toEqual({
      limit: 'connections_per_token',
      message: expect.stringMatching(/already has 20 connections open; close some tabs/),
    });
    expect(await limited('connections_per_token')).toBe(480);
    // Another person of the same session is not affected.
    expect((await openControl(members[1]!.token)).ok).toBe(true);

    for (const o of connected.slice(0, 5)) o.client.close();
    await waitFor(() => connected.slice(0, 5).every((o) => !o.client.socket.connected), 5000, 'closed');
    // The server learns of the closes a moment later: retry until the places are back.
    const again: ControlOutcome[] = [];
    const deadline = Date.now() + 5000;
    while (again.filter((o) => o.ok).length < 5 && Date.now() < deadline) again.push(await openControl(token));
    expect(again.filter((o) => o.ok).length).toBe(5);
    expect((await openControl(token)).ok).toBe(false);
    console.log(
      `[hostile] CC1 ${JSON.stringify({ attempts: 500, connected: connected.length, refused: refused.length, seconds: Number(seconds.toFixed(2)) })}`,
    );
  }, 60_000);

  it('CC2 500 document WebSockets on one token: 20 open, 480 refused with HTTP 429; closing 3 and cutting 2 off lets 5 more in', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const token = members[0]!.token;
    const started = performance.now();
    const results = await openDocuments(500, session.sessionId, token);
    const seconds = (performance.now() - started) / 1000;
    const open = results.filter((r): r is WebSocket => typeof r !== 'number');
    expect(open.length).toBe(20);
    expect(results.filter((r) => r === 429).length).toBe(480);
    expect(await limited('connections_per_token')).toBe(480);
    expect(typeof (await openDocument(session.sessionId, members[1]!.token))).not.toBe('number');

    // Three closed politely, two cut off: every way out gives the place back.
    for (const ws of open.slice(0, 3)) ws.close();
    for (const ws of open.slice(3, 5)) ws.terminate();
    const again: Array<WebSocket | number> = [];
    const deadline = Date.now() + 5000;
    while (again.filter((r) => typeof r !== 'number').length < 5 && Date.now() < deadline)
      again.push(await openDocument(session.sessionId, token));
    expect(again.filter((r) => typeof r !== 'number').length).toBe(5);
    expect(await openDocument(session.sessionId, token)).toBe(429);
    console.log(
      `[hostile] CC2 ${JSON.stringify({ attempts: 500, open: open.length, refused429: 480, seconds: Number(seconds.toFixed(2)) })}`,
    );
  }, 60_000);

  it('CC3 per address: 30 connections from one address across tokens, then refused; another address still connects', async () => {
    t = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '30', TRUST_PROXY: 'loopback' });
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const school = { 'x-forwarded-for': '198.51.100.20' };
    const home = { 'x-forwarded-for': '198.51.100.21' };
    const documents = [
      ...(await openDocuments(20, session.sessionId, members[0]!.token, school)),
      ...(await openDocuments(20, session.sessionId, members[1]!.token, school)),
    ];
    expect(documents.filter((r) => typeof r !== 'number').length).toBe(30);
    expect(documents.slice(30)).toEqual(Array(10).fill(429));
    expect(typeof (await openDocument(session.sessionId, members[1]!.token, home))).not.toBe('number');

    const control = [...(await openControls(20, members[0]!.token, school)), ...(await openControls(20, members[1]!.token, school))];
    expect(control.filter((o) => o.ok).length).toBe(30);
    const refused = control.slice(30);
    expect(refused.every((o) => !o.ok && o.message === ControlAuthError.TooManyConnections)).toBe(true);
    expect(refused[0]).toMatchObject({ data: { limit: 'connections_per_address' } });
    expect((await openControl(members[1]!.token, home)).ok).toBe(true);
    expect(await limited('connections_per_address')).toBe(20);
  }, 60_000);
});
