/**
 * Read-only links to the record through a real server and SQLite: the host makes one with the
 * options the record is sent with, anyone reads it without a token (HTML, and Markdown or PDF to
 * download), the host revokes it (410, in words a browser shows) and makes another; unknown and
 * forged links are refused (404) and spend the caller's allowance, like wrong invite codes.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLENARY_DOC, PlenaryRoot, RECORD_LINK_ID_PATTERN, type RecordLinkView, type RecordLinksResponse } from '@worktable/shared';
import { findChromium } from '../record/pdf.js';
import { putSticky } from '../testing/canvasWrites.js';
import { connectClient, createSessionWith, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';
import { REVOKED_LINK_MESSAGE, UNKNOWN_LINK_MESSAGE } from './recordLinkRoutes.js';

let t: TestServer;
let sessionId = '';
let hostToken = '';
let participantToken = '';

const api = (path: string, init: { method?: string; token?: string; body?: unknown; accept?: string } = {}) =>
  fetch(`${t.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.accept ? { accept: init.accept } : {}),
    },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });

async function createLink(body: unknown, token = hostToken): Promise<Response> {
  return api(`/api/sessions/${sessionId}/record-links`, { method: 'POST', token, body });
}

/** A link id of the right shape that nobody made. */
const forgedId = () => `r_${crypto.randomBytes(18).toString('base64url')}`;

beforeAll(async () => {
  t = await startTestServer({ RECORD_LINK_FAILURES_PER_MINUTE: '1000' });
  const { session, members } = await createSessionWith(t.url, ['Ana Alvarez', 'Ben Brook']);
  sessionId = session.sessionId;
  hostToken = session.hostToken;
  participantToken = members[0]!.token;
  const table = connectClient(t.wsUrl, sessionId, 'table-1', members[0]!.token);
  const plenary = connectClient(t.wsUrl, sessionId, PLENARY_DOC, members[1]!.token);
  await Promise.all([table.synced, plenary.synced]);
  putSticky(
    table.doc,
    's1',
    'Pairs ask better questions',
    { y: 0 },
    { id: members[0]!.participantId, name: 'Ana Alvarez', at: Date.now() },
  );
  plenary.doc.getMap(PlenaryRoot.Harvest).set('h1', {
    id: 'h1',
    tableId: 'table-1',
    tableName: 'Table 1',
    round: 1,
    kind: 'insight',
    text: 'Questions land in pairs',
    by: members[1]!.participantId,
    byName: 'Ben Brook',
    at: Date.now(),
  });
  const room = (doc: string) => t.server.relay.loadedRoom(`${sessionId}/${doc}`)?.doc;
  await waitFor(
    () => room('table-1')?.getMap('artifacts').has('s1') === true && room(PLENARY_DOC)?.getMap(PlenaryRoot.Harvest).has('h1') === true,
  );
  table.destroy();
  plenary.destroy();
});

afterAll(async () => {
  await t.stop();
});

describe('read-only record links', () => {
  it('L1 the host makes a link with the options; anyone reads the record without a token, as the options say', async () => {
    const created = await createLink({ timeZone: 'europe/paris', names: false });
    expect(created.status).toBe(201);
    const link = (await created.json()) as RecordLinkView;
    expect(link.linkId).toMatch(RECORD_LINK_ID_PATTERN);
    expect(link).toMatchObject({
      url: `${t.url}/records/${link.linkId}`,
      options: { timeZone: 'Europe/Paris', names: false, organizations: true, systemRoles: true },
      revokedAt: null,
    });

    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-disposition')).toBe('inline; filename="test-session-record.html"');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html.indexOf('<h2>Summary</h2>')).toBeLessThan(html.indexOf('<h2>Themes and harvest</h2>'));
    expect(html).toContain('Questions land in pairs');
    expect(html).toContain('Times are in Europe/Paris');
    for (const name of ['Ana Alvarez', 'Ben Brook']) expect(html).not.toContain(name);
    expect(html).toContain(`href="/records/${link.linkId}?format=md"`);

    const markdown = await fetch(`${link.url}?format=md`);
    expect(markdown.headers.get('content-disposition')).toBe('attachment; filename="test-session-record.md"');
    const text = await markdown.text();
    expect(text).toContain('Pairs ask better questions — *Participant 2');
    expect(text).not.toContain('Ana Alvarez');

    const listed = (await (await api(`/api/sessions/${sessionId}/record-links`, { token: hostToken })).json()) as RecordLinksResponse;
    expect(listed.links.map((l) => l.linkId)).toContain(link.linkId);
  });

  it.skipIf(findChromium(undefined) === null)(
    'L2 the link also gives the PDF',
    async () => {
      const link = (await (await createLink({ timeZone: 'UTC' })).json()) as RecordLinkView;
      const pdf = await fetch(`${link.url}?format=pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
    60_000,
  );

  it('L3 only the host makes, lists and revokes links; bad options get clear errors', async () => {
    expect((await createLink({ timeZone: 'UTC' }, participantToken)).status).toBe(403);
    expect((await api(`/api/sessions/${sessionId}/record-links`, { token: participantToken })).status).toBe(403);
    expect((await api(`/api/sessions/${sessionId}/record-links`)).status).toBe(401);
    const bad = await createLink({ timeZone: 'Atlantis/Capital' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        code: 'bad_request',
        message: 'timeZone: "Atlantis/Capital" is not a time zone; use an IANA name such as Europe/Paris or America/New_York',
      },
    });
    expect(await (await createLink({ timeZone: 'UTC', names: 'no' })).json()).toMatchObject({
      error: { message: expect.stringMatching(/^names: /) as string },
    });
    expect(await (await createLink({ timeZone: 'UTC', token: 'x' })).json()).toEqual({
      error: { code: 'bad_request', message: 'unknown field "token"' },
    });
  });

  it('L4 a revoked link answers 410 with what to do; the host makes a new one that works', async () => {
    const link = (await (await createLink({ timeZone: 'UTC' })).json()) as RecordLinkView;
    expect((await fetch(link.url)).status).toBe(200);
    const revoked = await api(`/api/sessions/${sessionId}/record-links/${link.linkId}`, { method: 'DELETE', token: hostToken });
    expect(revoked.status).toBe(204);
    expect((await api(`/api/sessions/${sessionId}/record-links/${link.linkId}`, { method: 'DELETE', token: hostToken })).status).toBe(204);
    const gone = await fetch(link.url);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({ error: { code: 'gone', message: REVOKED_LINK_MESSAGE } });
    const page = await fetch(`${link.url}?format=md`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(410);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('The host has revoked this link to the record; ask them for a new one.');
    const listed = (await (await api(`/api/sessions/${sessionId}/record-links`, { token: hostToken })).json()) as RecordLinksResponse;
    expect(listed.links.find((l) => l.linkId === link.linkId)?.revokedAt).toEqual(expect.any(String));

    const fresh = (await (await createLink({ timeZone: 'UTC' })).json()) as RecordLinkView;
    expect(fresh.linkId).not.toBe(link.linkId);
    expect((await fetch(fresh.url)).status).toBe(200);
    expect((await fetch(link.url)).status).toBe(410);
  });

  it('L5 an unknown or forged link is refused, and a link is revoked only through its own session', async () => {
    for (const id of [forgedId(), 'r_short', 'not-a-link', `${forgedId()}x`]) {
      const response = await fetch(`${t.url}/records/${id}`);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: UNKNOWN_LINK_MESSAGE } });
    }
    const mine = (await (await createLink({ timeZone: 'UTC' })).json()) as RecordLinkView;
    const other = await createSessionWith(t.url, []);
    const foreign = await api(`/api/sessions/${other.session.sessionId}/record-links/${mine.linkId}`, {
      method: 'DELETE',
      token: other.session.hostToken,
    });
    expect(foreign.status).toBe(404);
    expect((await fetch(mine.url)).status).toBe(200);
    // A token of one session does not list another's links.
    expect((await api(`/api/sessions/${sessionId}/record-links`, { token: other.session.hostToken })).status).toBe(403);
  });

  it('L6 links that do not work spend an allowance per address: then 429 with Retry-After', async () => {
    const limitedServer = await startTestServer({ RECORD_LINK_FAILURES_PER_MINUTE: '2' });
    try {
      for (let i = 0; i < 2; i++) expect((await fetch(`${limitedServer.url}/records/${forgedId()}`)).status).toBe(404);
      const refused = await fetch(`${limitedServer.url}/records/${forgedId()}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^too many links that do not work from here; try again in \d+ s$/,
      );
    } finally {
      await limitedServer.stop();
    }
  });

  it('L7 deleting the session takes its links with it', async () => {
    const { session } = await createSessionWith(t.url, []);
    const link = (await (
      await api(`/api/sessions/${session.sessionId}/record-links`, { method: 'POST', token: session.hostToken, body: { timeZone: 'UTC' } })
    ).json()) as RecordLinkView;
    expect((await fetch(link.url)).status).toBe(200);
    expect((await api(`/api/sessions/${session.sessionId}`, { method: 'DELETE', token: session.hostToken })).status).toBe(204);
    expect((await fetch(link.url)).status).toBe(404);
  });
});
