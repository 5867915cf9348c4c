/**
 * Access with a real server and real clients: the host removes a participant (sockets closed
 * within a second, token refused) or deletes the session (nothing of it left in the SQLite file);
 * WebSockets only from allowed origins; wrong invite codes rate-limited; security headers.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { controlAuth, CloseCode } from '@worktable/shared';
import { SQLITE_FILE_NAME } from '../app.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { onePixelPng } from '../testing/sampleFiles.js';
import {
  closeCodeOf,
  connectClient,
  createSessionWith,
  openRawSocket,
  postJson,
  startTestServer,
  upgradeStatus,
  waitFor,
  type TestServer,
} from '../testing/testServer.js';

let t: TestServer | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = undefined;
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('access', () => {
  it('AC1 the host removes a participant: their sockets close within a second and their token stops working', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const ana = members[0]!;
    const ws = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', ana.token);
    const control = openControlClient(t.url, ana.token);
    clients.push(control);
    await waitFor(() => control.states.length > 0);
    const disconnected = new Promise<number>((resolve) => control.socket.on('disconnect', () => resolve(Date.now())));
    const wsClosed = closeCodeOf(ws, 2000);

    expect(
      (
        await fetch(`${t.url}/api/sessions/${session.sessionId}/participants/${ana.participantId}`, {
          method: 'DELETE',
          headers: auth(members[1]!.token),
        })
      ).status,
    ).toBe(403);
    const started = Date.now();
    const removed = await fetch(`${t.url}/api/sessions/${session.sessionId}/participants/${ana.participantId}`, {
      method: 'DELETE',
      headers: auth(session.hostToken),
    });
    expect(removed.status).toBe(204);
    expect(await wsClosed).toBe(CloseCode.Forbidden);
    expect((await disconnected) - started).toBeLessThan(1000);
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}`, { headers: auth(ana.token) })).status).toBe(403);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${session.sessionId}/table-1?token=${ana.token}`)).toBe(403);
    const again = connectSocket(t.url, { auth: controlAuth(ana.token), transports: ['websocket'], forceNew: true, reconnection: false });
    expect((await new Promise<Error>((resolve) => again.on('connect_error', resolve))).message).toBe('forbidden');
    again.disconnect();
    expect(
      (
        await fetch(`${t.url}/api/sessions/${session.sessionId}/participants/${session.participantId}`, {
          method: 'DELETE',
          headers: auth(session.hostToken),
        })
      ).status,
    ).toBe(409);
  });

  it('AC2 the host deletes a session: every connection closes and nothing of it is left in the store', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const other = await createSessionWith(t.url, ['Zed']);
    const table = connectClient(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await table.synced;
    table.doc.getText('t').insert(0, 'sensitive work');
    const uploaded = await fetch(`${t.url}/api/sessions/${session.sessionId}/uploads?name=a.png`, {
      method: 'POST',
      headers: auth(session.hostToken),
      body: onePixelPng(),
    });
    expect(uploaded.status).toBe(201); // its record, and its bytes in a chunk
    const host = openControlClient(t.url, session.hostToken);
    clients.push(host);
    await waitFor(() => host.states.length > 0);
    await host.send({ action: 'start' });
    await host.send({ action: 'next' }); // a history snapshot
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.server.persistence.flush();

    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}`, { method: 'DELETE', headers: auth(members[0]!.token) })).status).toBe(
      403,
    );
    const closed = new Promise<number>((resolve) =>
      table.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
    );
    expect((await fetch(`${t.url}/api/sessions/${session.sessionId}`, { method: 'DELETE', headers: auth(session.hostToken) })).status).toBe(
      204,
    );
    expect(await closed).toBe(CloseCode.NotFound);
    table.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));

    const db = new Database(path.join(t.dataDir, SQLITE_FILE_NAME), { readonly: true });
    const count = (sql: string, ...args: string[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    const sid = session.sessionId;
    expect({
      sessions: count('SELECT count(*) AS n FROM sessions WHERE session_id = ?', sid),
      participants: count('SELECT count(*) AS n FROM participants WHERE session_id = ?', sid),
      updates: count("SELECT count(*) AS n FROM doc_updates WHERE doc_key LIKE ? || '/%'", sid),
      snapshots: count("SELECT count(*) AS n FROM doc_snapshots WHERE doc_key LIKE ? || '/%'", sid),
      uploads: count('SELECT count(*) AS n FROM uploads WHERE session_id = ?', sid),
      uploadChunks: count('SELECT count(*) AS n FROM upload_chunks WHERE session_id = ?', sid),
      uploadDrafts: count('SELECT count(*) AS n FROM upload_drafts WHERE session_id = ?', sid),
      history: count('SELECT count(*) AS n FROM doc_history WHERE session_id = ?', sid),
      control: count('SELECT count(*) AS n FROM control_states WHERE session_id = ?', sid),
    }).toEqual({
      sessions: 0,
      participants: 0,
      updates: 0,
      snapshots: 0,
      uploads: 0,
      uploadChunks: 0,
      uploadDrafts: 0,
      history: 0,
      control: 0,
    });
    expect(count('SELECT count(*) AS n FROM sessions WHERE session_id = ?', other.session.sessionId)).toBe(1);
    db.close();
    expect((await fetch(`${t.url}/api/sessions/${sid}`, { headers: auth(session.hostToken) })).status).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${sid}/table-1?token=${members[0]!.token}`)).toBe(404);
  });

  it('AC3 WebSockets only from this origin (or ALLOWED_ORIGINS); scripts without an Origin are let through', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const url = `${t.wsUrl}/yjs/${session.sessionId}/table-1?token=${members[0]!.token}`;
    expect(await upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { origin: t.url })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
    const evil = connectSocket(t.url, {
      auth: controlAuth(members[0]!.token),
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin: 'https://evil.example' },
    });
    await new Promise((resolve) => evil.on('connect_error', resolve));
    expect(evil.connected).toBe(false);
    evil.disconnect();
    await t.stop();
    t = await startTestServer({ ALLOWED_ORIGINS: 'https://worktable.example.org' });
    const s2 = await createSessionWith(t.url, ['Ana']);
    const url2 = `${t.wsUrl}/yjs/${s2.session.sessionId}/table-1?token=${s2.members[0]!.token}`;
    expect(await upgradeStatus(url2, { origin: 'https://worktable.example.org' })).toBe(101);
    expect(await upgradeStatus(url2, { origin: t.url })).toBe(403);
  });

  it('AC4 wrong invite codes are rate-limited per address (429 with Retry-After); right ones never are', async () => {
    t = await startTestServer({ JOIN_FAILURES_PER_MINUTE: '5' });
    const { session } = await createSessionWith(t.url);
    const join = (code: string) =>
      postJson<{ error?: { message: string } }>(`${t!.url}/api/sessions/${session.sessionId}/join`, { inviteCode: code, name: 'X' });
    for (let i = 0; i < 30; i++) expect((await join(session.inviteCode)).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await join('ABCDEFGH')).status).toBe(403);
    const refused = await fetch(`${t.url}/api/sessions/${session.sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteCode: 'ABCDEFGH', name: 'X' }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /too many wrong invite codes for this session from here; try again in \d+ s/,
    );
  });

  it('AC5 security headers: a CSP without inline scripts, nosniff, no framing, no referrer', async () => {
    t = await startTestServer();
    const page = await fetch(`${t.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('AC6 one access check: a removed member, a stranger and no token are refused on every session route, the relay and the control plane; the old invite link no longer joins', async () => {
    const routes: { method: string; url: string }[] = [];
    t = await startTestServer(
      {},
      {
        onRoute: (route) => {
          for (const method of [route.method].flat())
            if (route.url.includes(':sessionId') && !route.url.endsWith('/join')) routes.push({ method, url: route.url });
        },
      },
    );
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const stranger = (await createSessionWith(t.url, ['Eve'])).members[0]!;
    const ana = members[0]!;
    const sid = session.sessionId;
    expect(
      (
        await fetch(`${t.url}/api/sessions/${sid}/participants/${ana.participantId}`, {
          method: 'DELETE',
          headers: auth(session.hostToken),
        })
      ).status,
    ).toBe(204);
    const newLink = await fetch(`${t.url}/api/sessions/${sid}/invite-code`, { method: 'POST', headers: auth(session.hostToken) });
    expect(newLink.status).toBe(200);

    // Every route of a session, as registered (a route added later is covered without editing this test).
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const fill = (url: string) => url.replace(':sessionId', sid).replace(/:(\w+)/g, (_m, name: string) => `${name}-1`);
    const refusals: string[] = [];
    for (const { method, url } of routes) {
      for (const [who, headers, status] of [
        ['removed', auth(ana.token), 403],
        ['stranger', auth(stranger.token), 403],
        ['nobody', {}, 401],
      ] as const) {
        const body = method === 'POST' ? { headers: { ...headers, 'content-type': 'application/json' }, body: '{}' } : { headers };
        const response = await fetch(`${t.url}${fill(url)}`, { method, ...body });
        if (response.status !== status) refusals.push(`${method} ${url} for ${who}: ${response.status}, expected ${status}`);
      }
    }
    expect(refusals).toEqual([]);
    console.info(`access: ${routes.length} session routes × 3 callers refused`);
    // Still open to the members who are left.
    expect((await fetch(`${t.url}/api/sessions/${sid}`, { headers: auth(members[1]!.token) })).status).toBe(200);

    for (const doc of ['table-1', 'plenary', `private-${ana.participantId}`]) {
      expect(await upgradeStatus(`${t.wsUrl}/yjs/${sid}/${doc}?token=${ana.token}`)).toBe(403);
      expect(await upgradeStatus(`${t.wsUrl}/yjs/${sid}/${doc}?token=${stranger.token}`)).toBe(403);
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = connectSocket(t!.url, {
        auth: controlAuth(ana.token),
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.on('connect_error', (error) => {
        socket.close();
        resolve(error.message);
      });
    });
    expect(refused).toBe('forbidden');

    // The link Ana was invited with no longer joins; the new one does.
    expect((await postJson(`${t.url}/api/sessions/${sid}/join`, { inviteCode: session.inviteCode, name: 'Ana again' })).status).toBe(403);
    const { inviteCode } = (await newLink.json()) as { inviteCode: string };
    expect((await postJson(`${t.url}/api/sessions/${sid}/join`, { inviteCode, name: 'Cy' })).status).toBe(201);
  });
});
