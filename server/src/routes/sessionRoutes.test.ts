/** The REST contract of docs/API.md, against the real server (and a real SQLite file) answered through `inject`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, CreateSessionResponse, JoinSessionResponse, SessionView } from '@worktable/shared';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.stop();
});

async function createSession(body: unknown = { title: 'Tuning our rubric' }) {
  return t.postJson<CreateSessionResponse & ApiError>('/api/sessions', body);
}
async function join(sessionId: string, body: unknown) {
  return t.postJson<JoinSessionResponse & ApiError>(`/api/sessions/${sessionId}/join`, body);
}
async function getSession(sessionId: string, token?: string) {
  const response = await t.fetch(`/api/sessions/${sessionId}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as SessionView & ApiError };
}

describe('POST /api/sessions', () => {
  it('A1 creates a session and returns id, host token, invite code and invite URL', async () => {
    const { status, body } = await createSession({ title: '  Tuning our rubric ', protocol: 'tuning' });
    expect(status).toBe(201);
    expect(body.sessionId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(body.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(body.inviteUrl).toBe(`${t.url}/join/${body.sessionId}?code=${body.inviteCode}`);
    const view = await getSession(body.sessionId, body.hostToken);
    expect(view.status).toBe(200);
    expect(view.body.title).toBe('Tuning our rubric');
    expect(view.body.protocol).toBe('tuning');
    expect(view.body.you.role).toBe('host');
    expect(view.body.participants).toEqual([expect.objectContaining({ participantId: body.participantId, name: 'Host', role: 'host' })]);
  });

  it('A2 refuses a bad body with 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /^title: is required/],
      [{ title: '   ' }, /^title: must not be empty/],
      [{ title: 'x'.repeat(201) }, /^title: must be at most 200/],
      [{ title: 42 }, /^title:/],
      [{ title: 'ok', protocol: 'No Such!' }, /^protocol:/],
      [{ title: 'ok', extra: 1 }, /unknown field "extra"/],
      [[1, 2], /^body:/],
    ];
    for (const [body, message] of cases) {
      const response = await createSession(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('bad_request');
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('A3 refuses malformed JSON and a non-JSON content type clearly', async () => {
    const broken = await t.fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ApiError).error.code).toBe('bad_request');
    const text = await t.fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
    const huge = await createSession({ title: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
  });
});

describe('POST /api/sessions/:sessionId/join', () => {
  it('A4 joins with the invite code (any case) as participant or observer', async () => {
    const created = (await createSession()).body;
    const participant = await join(created.sessionId, {
      inviteCode: created.inviteCode.toLowerCase(),
      name: 'Ana',
      organization: ' Lincoln High ',
      systemRole: 'teacher',
    });
    expect(participant.status).toBe(201);
    expect(participant.body.participantId).toMatch(/^p_/);
    const observer = await join(created.sessionId, { inviteCode: created.inviteCode, name: 'Olu', role: 'observer' });
    expect(observer.status).toBe(201);
    const view = await getSession(created.sessionId, observer.body.token);
    expect(view.body.you).toEqual({ participantId: observer.body.participantId, role: 'observer' });
    // The join answers with the same view, so the page can open the table without asking for it.
    expect(observer.body.session).toEqual(view.body);
    expect(view.body.participants[1]).toMatchObject({ organization: 'Lincoln High', systemRole: 'teacher' });
    expect(view.body.participants[2]).toMatchObject({ organization: null, systemRole: null });
    expect(view.body.participants.map((p) => [p.name, p.role])).toEqual([
      ['Host', 'host'],
      ['Ana', 'participant'],
      ['Olu', 'observer'],
    ]);
  });

  it('A5 wrong code → 403, unknown session → 404, bad body → 400 naming the field', async () => {
    const created = (await createSession()).body;
    const wrong = await join(created.sessionId, { inviteCode: 'ZZZZ2222', name: 'Ana' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('forbidden');
    expect((await join('NoSuchSession123', { inviteCode: created.inviteCode, name: 'Ana' })).status).toBe(404);
    expect((await join('bad id!', { inviteCode: created.inviteCode, name: 'Ana' })).status).toBe(404);
    const noName = await join(created.sessionId, { inviteCode: created.inviteCode });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/^name: is required/);
    const badRole = await join(created.sessionId, { inviteCode: created.inviteCode, name: 'Ana', role: 'host' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toMatch(/^role:/);
    const badCode = await join(created.sessionId, { inviteCode: 'short', name: 'Ana' });
    expect(badCode.body.error.message).toMatch(/^inviteCode:/);
    const view = await getSession(created.sessionId, created.hostToken);
    expect(view.body.participants).toHaveLength(1);
  });
});

describe('GET /api/sessions/:sessionId', () => {
  it('A6 needs a valid bearer token of this session', async () => {
    const created = (await createSession()).body;
    const other = (await createSession()).body;
    expect((await getSession(created.sessionId)).status).toBe(401);
    expect((await getSession(created.sessionId, 'garbage')).status).toBe(401);
    const tampered = `${created.hostToken.slice(0, -3)}abc`;
    expect((await getSession(created.sessionId, tampered)).status).toBe(401);
    const expired = t.server.signer.sign({ sid: created.sessionId, pid: created.participantId, role: 'host' }, -1);
    const expiredResponse = await getSession(created.sessionId, expired);
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.body.error.message).toMatch(/expired/);
    expect((await getSession(created.sessionId, other.hostToken)).status).toBe(403);
    expect((await getSession(created.sessionId, created.hostToken)).status).toBe(200);
  });

  it('A7 unknown API routes answer a JSON 404', async () => {
    const response = await t.fetch('/api/nothing');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiError).error.code).toBe('not_found');
  });
});

describe('protocols', () => {
  it('A10 GET /api/protocols lists the built-ins with phases and durations in ms', async () => {
    const response = await t.fetch('/api/protocols');
    expect(response.status).toBe(200);
    const { protocols } = (await response.json()) as {
      protocols: { id: string; round: { durationMs: number }[]; plannedDurationMs: number }[];
    };
    expect(protocols.map((p) => p.id)).toContain('tuning');
    const tuning = protocols.find((p) => p.id === 'tuning');
    expect(tuning?.round[1]?.durationMs).toBe(15 * 60_000);
    expect(tuning?.plannedDurationMs).toBe(68 * 60_000);
  });

  it('A12 a host can bring an edited copy of a protocol; it is validated, stored and exported as JSON', async () => {
    const { protocols } = (await (await t.fetch('/api/protocols')).json()) as { protocols: Record<string, unknown>[] };
    const { plannedDurationMs: _planned, ...tuning } = protocols.find((p) => p.id === 'tuning') as Record<string, unknown> & {
      round: { durationMs: number; title: string }[];
    };
    const edited = {
      ...tuning,
      id: 'tuning-short',
      title: 'Short tuning',
      round: tuning.round.map((phase) => ({ ...phase, durationMs: 60_000 })),
    };
    const created = await createSession({ title: 'Ours', customProtocol: edited });
    expect(created.status).toBe(201);
    const exported = await t.fetch(`/api/sessions/${created.body.sessionId}/protocol`, {
      headers: { authorization: `Bearer ${created.body.hostToken}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('tuning-short.protocol.json');
    expect(await exported.json()).toEqual(edited);
    const view = await getSession(created.body.sessionId, created.body.hostToken);
    expect(view.body.protocol).toBe('tuning-short');

    const broken = { ...edited, round: [{ ...edited.round[0], durationMs: 1000 }] };
    const refused = await createSession({ title: 'Bad', customProtocol: broken });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('customProtocol.round.0.durationMs: must be at least 15 seconds');
    expect((await t.fetch(`/api/sessions/${created.body.sessionId}/protocol`)).status).toBe(401);
  });

  it('A11 a session naming an unknown protocol is refused with 400', async () => {
    const response = await createSession({ title: 'x', protocol: 'no-such-protocol' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^protocol: no protocol "no-such-protocol"/);
  });
});

describe('health and metrics', () => {
  it('A8 /healthz is 200 while storage answers and 503 when it does not', async () => {
    const own = await buildTestApp();
    const ok = await own.fetch('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', storage: { engine: 'sqlite', ok: true } });
    await own.server.storage.close();
    const down = await own.fetch('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', storage: { ok: false } });
    await own.stop();
  });

  it('A9 /metrics exposes connections, documents, updates, flush latency and errors', async () => {
    const response = await t.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      'worktable_connections',
      'worktable_documents_loaded',
      'worktable_updates_in_total',
      'worktable_messages_out_total',
      'worktable_persistence_flush_seconds_bucket',
      'worktable_errors_total',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toContain(name);
    }
  });
});
