/**
 * `CREATE_SESSION_SECRET`: with it set, only who sends it in `X-Create-Session-Secret` creates a
 * session; a missing or wrong one is refused with a code the client asks for the secret on, and
 * spends none of the address's allowance. Joining with an invite code needs no secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CREATE_SESSION_SECRET_HEADER, CreateSessionSecretError, type ApiError, type CreateSessionResponse } from '@worktable/shared';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

const SECRET = 'north-district-2026-workshops';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function create(secret?: string): Promise<{ status: number; body: CreateSessionResponse & ApiError }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined) headers[CREATE_SESSION_SECRET_HEADER] = secret;
  const response = await t!.fetch('/api/sessions', { method: 'POST', headers, body: JSON.stringify({ title: 'Secret' }) });
  return { status: response.status, body: (await response.json()) as CreateSessionResponse & ApiError };
}

describe('CREATE_SESSION_SECRET', () => {
  it('CS1 no secret 401, a wrong one 403 (codes the client asks on), the right one creates; refusals spend no allowance and are counted', async () => {
    t = await buildTestApp({ CREATE_SESSION_SECRET: SECRET, SESSIONS_PER_ADDRESS_PER_HOUR: '1' });
    const missing = await create();
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe(CreateSessionSecretError.Required);
    expect(missing.body.error.message).toMatch(/organization’s secret/);
    const wrong = await create(`${SECRET}x`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe(CreateSessionSecretError.Wrong);
    expect((await create('short')).status).toBe(403);
    const right = await create(SECRET);
    expect(right.status).toBe(201);
    expect(right.body.hostToken).toBeTruthy();
    expect(await t.scrapeMetric('worktable_limited_total{limit="create_session_secret"}')).toBe(3);

    // Participants join with the invite code alone.
    const joined = await t.postJson<{ token: string }>(`/api/sessions/${right.body.sessionId}/join`, {
      inviteCode: right.body.inviteCode,
      name: 'Ana',
    });
    expect(joined.status).toBe(201);
    expect(joined.body.token).toBeTruthy();
  });

  it('CS2 unset: anyone creates without a header, and a header sent anyway is ignored', async () => {
    t = await buildTestApp();
    expect((await create()).status).toBe(201);
    expect((await create('anything')).status).toBe(201);
  });
});
