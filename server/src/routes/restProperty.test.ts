/**
 * Property-based fuzz of the REST API with the real server answered through `inject` (fast-check, fixed seed): any JSON body
 * (or none, or not JSON) to the routes that take one gets a 4xx JSON error naming the problem —
 * never a 5xx, never a crash — and changes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/testApp.js';

let t: TestApp;
let sessionId = '';
let hostToken = '';
beforeAll(async () => {
  t = await buildTestApp();
  const { session } = await t.createSessionWith(['Ana']);
  sessionId = session.sessionId;
  hostToken = session.hostToken;
});
afterAll(async () => {
  await t.stop();
});

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ raw: JSON.stringify(value) ?? 'null', type: 'application/json' })),
  fc
    .record({
      title: fc.anything(),
      protocol: fc.anything(),
      customProtocol: fc.anything(),
      inviteCode: fc.anything(),
      name: fc.anything(),
      role: fc.anything(),
      timeZone: fc.oneof(fc.anything(), fc.constantFrom('UTC', 'Europe/Paris')),
      names: fc.anything(),
    })
    .map((value) => ({ raw: JSON.stringify(value) ?? '{}', type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((raw) => ({ raw, type: 'application/json' })),
  fc.string({ maxLength: 100 }).map((raw) => ({ raw, type: 'text/plain' })),
);

describe('REST bodies (property)', () => {
  it('any body to create, join and share the record: a clear 4xx (or a valid result), never a 5xx', async () => {
    const participantsBefore = (await t.server.storage.listParticipants(sessionId)).length;
    let created = 0;
    let joined = 0;
    let linked = 0;
    const urls = {
      create: `${t.url}/api/sessions`,
      join: `${t.url}/api/sessions/${sessionId}/join`,
      link: `${t.url}/api/sessions/${sessionId}/record-links`,
    };
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('create', 'join', 'link'), async ({ raw, type }, route) => {
        const auth: Record<string, string> = route === 'link' ? { authorization: `Bearer ${hostToken}` } : {};
        const response = await t.fetch(urls[route], { method: 'POST', headers: { 'content-type': type, ...auth }, body: raw });
        expect(response.status).toBeLessThan(500);
        if (response.status === 201) {
          if (route === 'create') created++;
          else if (route === 'join') joined++;
          else linked++;
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        const error = (await response.json()) as { error?: { code?: string; message?: string } };
        expect(typeof error.error?.message).toBe('string');
        expect(error.error!.message!.length).toBeGreaterThan(3);
      }),
      { numRuns: 300, seed: 20261121 },
    );
    // Joins that were refused added nobody.
    expect((await t.server.storage.listParticipants(sessionId)).length).toBe(participantsBefore + joined);
    expect(created + joined + linked).toBeLessThan(300);
    // Refused links were not kept.
    expect((await t.server.storage.listRecordLinks(sessionId)).length).toBe(linked);
    expect((await t.fetch(`/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${hostToken}` } })).status).toBe(200);
  }, 120_000);
});
