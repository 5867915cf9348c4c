/**
 * Sessions created per client address (`SESSIONS_PER_ADDRESS_PER_HOUR`, default 100) with real
 * servers: a burst of 300 from one address is cut at the allowance with 429 and `Retry-After`,
 * another address still creates, and two nodes sharing Redis count one allowance between them.
 * The addresses are forwarded by the loopback proxy (`TRUST_PROXY=loopback`), so each test has its
 * own, and in the shared Redis a fresh one per run.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, CreateSessionResponse } from '@worktable/shared';
import { TEST_REDIS_URL, serviceAvailable } from '../testing/services.js';
import { buildTestApp, type TestApp } from '../testing/testApp.js';
import { RedisSessionQuota } from './redisSessionQuota.js';

const redisAvailable = await serviceAvailable('redis');
const servers: TestApp[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function start(env: Record<string, string> = {}): Promise<TestApp> {
  const server = await buildTestApp({ TRUST_PROXY: 'loopback', ...env });
  servers.push(server);
  return server;
}

interface Creation {
  status: number;
  retryAfter: string | null;
  body: CreateSessionResponse & ApiError;
}

/** `POST /api/sessions` as if from `address` (forwarded by the loopback proxy). */
async function create(server: TestApp, address: string): Promise<Creation> {
  const response = await server.fetch('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ title: 'Quota' }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as CreateSessionResponse & ApiError,
  };
}

/** A documentation address (2001:db8::/32) no other run uses. */
function freshAddress(): string {
  return `2001:db8:${crypto.randomBytes(2).toString('hex')}::${crypto.randomBytes(2).toString('hex')}`;
}

describe('sessions created per address', () => {
  it('SQ1 300 creations from one address: the first 100 (the default) create, the other 200 get 429 with Retry-After; another address still creates', async () => {
    const t = await start();
    const started = performance.now();
    const results: Creation[] = [];
    for (let i = 0; i < 300; i++) results.push(await create(t, '203.0.113.10'));
    const seconds = (performance.now() - started) / 1000;
    expect(results.slice(0, 100).every((r) => r.status === 201)).toBe(true);
    const refused = results.slice(100);
    expect(refused.every((r) => r.status === 429)).toBe(true);
    const last = results[299]!;
    expect(last.body.error.code).toBe('too_many_requests');
    expect(last.body.error.message).toMatch(/^too many sessions created from this network address; try again in \d+ minutes?$/);
    // One session of the hour's 100 comes back every 36 s.
    expect(Number(last.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(last.retryAfter)).toBeLessThanOrEqual(36);
    // The refused ones created nothing: the session of a 201 opens, and 201s were the first 100 only.
    expect((await t.server.storage.getSession(results[99]!.body.sessionId))?.title).toBe('Quota');
    expect((await create(t, '203.0.113.11')).status).toBe(201);
    expect(await t.scrapeMetric('worktable_limited_total{limit="session_creations"}')).toBe(200);
    console.log(
      `[hostile] SQ1 ${JSON.stringify({ attempts: 300, created: 100, refused429: refused.length, retryAfterSeconds: Number(last.retryAfter), seconds: Number(seconds.toFixed(2)) })}`,
    );
  });

  it('SQ2 a bad body is refused for what it is and spends nothing', async () => {
    const t = await start({ SESSIONS_PER_ADDRESS_PER_HOUR: '1' });
    const bad = await t.fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":""}' });
    expect(bad.status).toBe(400);
    expect((await create(t, '127.0.0.1')).status).toBe(201);
    expect((await create(t, '127.0.0.1')).status).toBe(429);
  });

  it.skipIf(!redisAvailable)(
    'SQ3 two nodes sharing Redis: 300 creations alternating between them still meet one allowance of 100',
    async () => {
      const env = { REDIS_URL: TEST_REDIS_URL };
      const a = await start(env);
      const b = await start(env);
      const address = freshAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) statuses.push((await create(i % 2 === 0 ? a : b, address)).status);
      expect(statuses.slice(0, 100).every((s) => s === 201)).toBe(true);
      expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
      const createdOn = [0, 1].map((node) => statuses.filter((s, i) => s === 201 && i % 2 === node).length);
      expect(createdOn).toEqual([50, 50]);
      const limited =
        (await a.scrapeMetric('worktable_limited_total{limit="session_creations"}')) +
        (await b.scrapeMetric('worktable_limited_total{limit="session_creations"}'));
      expect(limited).toBe(200);
      expect((await create(b, freshAddress())).status).toBe(201);
      console.log(`[hostile] SQ3 ${JSON.stringify({ attempts: 300, createdOnEachNode: createdOn, refused429: limited })}`);
    },
  );

  it('SQ4 Redis unreachable: the node counts on its own instead of letting every creation through', async () => {
    const quota = new RedisSessionQuota('redis://127.0.0.1:1', 2); // nothing listens on port 1
    try {
      const waits = [await quota.take('203.0.113.30'), await quota.take('203.0.113.30'), await quota.take('203.0.113.30')];
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      expect(waits[2]).toBeGreaterThan(0);
    } finally {
      quota.close();
    }
  });
});
