/**
 * The host's new invite link, with the real server answered through `inject`: only the host draws it, the old code stops
 * joining at once (so a removed person cannot come back with the link they kept), the new one joins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, InviteCodeResponse, JoinSessionResponse } from '@worktable/shared';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function rotate(sessionId: string, token?: string): Promise<{ status: number; body: InviteCodeResponse & ApiError }> {
  const response = await t!.fetch(`/api/sessions/${sessionId}/invite-code`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as InviteCodeResponse & ApiError };
}

const join = (sessionId: string, inviteCode: string) =>
  t!.postJson<JoinSessionResponse & ApiError>(`/api/sessions/${sessionId}/join`, { inviteCode, name: 'Ana' });

describe('POST /api/sessions/:sessionId/invite-code', () => {
  it('IC1 the host gets a new code and link; the old code is refused, the new one joins', async () => {
    t = await buildTestApp();
    const { session } = await t.createSessionWith();
    const rotated = await rotate(session.sessionId, session.hostToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(rotated.body.inviteCode).not.toBe(session.inviteCode);
    expect(rotated.body.inviteUrl).toBe(`${t.url}/join/${session.sessionId}?code=${rotated.body.inviteCode}`);
    const old = await join(session.sessionId, session.inviteCode);
    expect(old.status).toBe(403);
    expect(old.body.error.message).toMatch(/invite code is not valid/);
    expect((await join(session.sessionId, rotated.body.inviteCode)).status).toBe(201);
  });

  it('IC2 a participant gets 403, no token 401, the host’s token on another session 403, and the code stays as it was', async () => {
    t = await buildTestApp();
    const { session, members } = await t.createSessionWith(['Ben']);
    const refused = await rotate(session.sessionId, members[0]!.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('only the host can make a new invite link');
    expect((await rotate(session.sessionId)).status).toBe(401);
    expect((await rotate('NoSuchSession123', session.hostToken)).status).toBe(403);
    expect((await join(session.sessionId, session.inviteCode)).status).toBe(201);
  });

  it('IC3 a removed participant cannot rejoin with the old invite link once the host made a new one', async () => {
    t = await buildTestApp();
    const { session, members } = await t.createSessionWith(['Ana', 'Ben']);
    const ana = members[0]!;
    const removed = await t.fetch(`/api/sessions/${session.sessionId}/participants/${ana.participantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    expect(removed.status).toBe(204);
    const rotated = await rotate(session.sessionId, session.hostToken);
    expect(rotated.status).toBe(200);
    expect((await join(session.sessionId, session.inviteCode)).status).toBe(403);
    expect((await t.fetch(`/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${ana.token}` } })).status).toBe(403);
    // Ben, still a member, keeps his place: his token was never tied to the code.
    expect(
      (await t.fetch(`/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${members[1]!.token}` } })).status,
    ).toBe(200);
  });
});
