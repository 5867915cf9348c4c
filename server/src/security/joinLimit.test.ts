/**
 * The wrong-invite-code limit with the real server answered through `inject`: counted per address and session, never refusing
 * a right code, and the client address taken from X-Forwarded-For only with TRUST_PROXY.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, JoinSessionResponse } from '@worktable/shared';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** POSTs a join, optionally as if forwarded for another client address. */
async function join(
  sessionId: string,
  inviteCode: string,
  forwardedFor?: string,
): Promise<{ status: number; body: JoinSessionResponse & ApiError }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const response = await t!.fetch(`/api/sessions/${sessionId}/join`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ inviteCode, name: 'X' }),
  });
  return { status: response.status, body: (await response.json()) as JoinSessionResponse & ApiError };
}

describe('wrong invite codes', () => {
  it('JL1 20 wrong codes on session A: 429 for wrong codes on A, the right code of A still joins, session B untouched', async () => {
    t = await buildTestApp(); // JOIN_FAILURES_PER_MINUTE default: 10
    const a = (await t.createSessionWith()).session;
    const b = (await t.createSessionWith()).session;
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await join(a.sessionId, 'ZZZZ2222')).status);
    const msPerGuess = (performance.now() - started) / 20;
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    const right = await join(a.sessionId, a.inviteCode);
    expect(right.status).toBe(201);
    expect(right.body.token).toBeTruthy();
    expect((await join(b.sessionId, 'ZZZZ2222')).status).toBe(403);
    expect((await join(b.sessionId, b.inviteCode)).status).toBe(201);
    expect((await join(a.sessionId, 'ZZZZ2222')).status).toBe(429);
    expect(await t.scrapeMetric('worktable_limited_total{limit="join_failures"}')).toBe(11);
    console.log(
      `[hostile] JL1 ${JSON.stringify({ wrong: 20, refused403: 10, refused429: 10, rightCodeOfA: right.status, msPerGuess: Number(msPerGuess.toFixed(2)) })}`,
    );
  });

  it('JL2 without TRUST_PROXY a forged X-Forwarded-For does not buy a new allowance; with it, each client behind the proxy has its own', async () => {
    t = await buildTestApp({ JOIN_FAILURES_PER_MINUTE: '3' });
    let s = (await t.createSessionWith()).session;
    for (let i = 0; i < 3; i++) expect((await join(s.sessionId, 'ZZZZ2222', `203.0.113.${i}`)).status).toBe(403);
    expect((await join(s.sessionId, 'ZZZZ2222', '203.0.113.99')).status).toBe(429);
    await t.stop();

    t = await buildTestApp({ JOIN_FAILURES_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
    s = (await t.createSessionWith()).session;
    for (let i = 0; i < 3; i++) expect((await join(s.sessionId, 'ZZZZ2222', '203.0.113.7')).status).toBe(403);
    expect((await join(s.sessionId, 'ZZZZ2222', '203.0.113.7')).status).toBe(429);
    expect((await join(s.sessionId, 'ZZZZ2222', '203.0.113.8')).status).toBe(403);
    expect((await join(s.sessionId, s.inviteCode, '203.0.113.7')).status).toBe(201);
  });
});
