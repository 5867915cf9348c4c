/**
 * `/metrics` behind METRICS_TOKEN, with the real server answered through `inject`: open when unset (as the tests and benches
 * scrape it), otherwise only for `Authorization: Bearer <token>`; /healthz stays open either way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /metrics', () => {
  it('MT1 without METRICS_TOKEN it answers anyone, as before', async () => {
    t = await buildTestApp();
    const response = await t.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('worktable_connections');
  });

  it('MT2 with METRICS_TOKEN: 401 without or with a wrong token, 200 with it; refusals counted, /healthz open', async () => {
    t = await buildTestApp({ METRICS_TOKEN: TOKEN });
    const none = await t.fetch('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { message: string } }).error.message).toMatch(/Authorization: Bearer <METRICS_TOKEN>/);
    expect((await t.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await t.fetch('/metrics', { headers: { authorization: TOKEN } })).status).toBe(401);
    const ok = await t.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^worktable_limited_total\{limit="metrics_token"\} 3$/m);
    expect((await t.fetch('/healthz')).status).toBe(200);
  });
});
