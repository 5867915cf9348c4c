/**
 * The control plane across two nodes (one Postgres, one Redis): people connected to different
 * nodes are one session — presence, roles and every state reach everyone — and the timers of a
 * running session are kept by exactly one node.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { TEST_REDIS_URL, createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { createSessionWith, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

const available = (await serviceAvailable('postgres')) && (await serviceAvailable('redis'));
const servers: TestServer[] = [];
const clients: ControlClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the nodes see them leave
  for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
});
afterAll(dropTestDatabases);

async function twoNodes(): Promise<[TestServer, TestServer]> {
  const { url } = await createTestDatabase('wt_ctl');
  const env = { DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, TOKEN_SECRET: crypto.randomBytes(32).toString('hex') };
  const a = await startTestServer(env);
  const b = await startTestServer(env);
  servers.push(a, b);
  return [a, b];
}

function control(server: TestServer, token: string): ControlClient {
  const c = openControlClient(server.url, token);
  clients.push(c);
  return c;
}

describe.skipIf(!available)('control across nodes', () => {
  it('XC1 one session over two nodes: presence from both, every state to everyone, actions from either node', async () => {
    const [a, b] = await twoNodes();
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben']);
    const host = control(a, session.hostToken);
    const ana = control(b, members[0]!.token);
    const ben = control(a, members[1]!.token);
    await waitFor(() => [host, ana, ben].every((c) => c.states.length > 0), 5000, 'everyone connected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await host.send({ action: 'start' })).ok).toBe(true);
    await waitFor(() => ana.latest()?.status === 'running' && ben.latest()?.status === 'running', 5000, 'running everywhere');
    // Roles went to people on both nodes (three present, four roles: everyone holds one).
    const holders = new Set(Object.values(ana.latest()!.roles));
    expect(holders).toEqual(new Set([session.participantId, members[0]!.participantId, members[1]!.participantId]));
    expect(ana.latest()!.tables[0]!.members.sort()).toEqual([session.participantId, members[0]!.participantId, members[1]!.participantId].sort());
    // An action on node B reaches people on node A.
    expect((await ana.send({ action: 'ready', ready: true })).ok).toBe(true);
    await waitFor(() => host.latest()?.ready.includes(members[0]!.participantId) === true, 5000, 'ready seen on node A');
    // Actions on both nodes at once: both apply, none lost (compare-and-set on storage).
    const [r1, r2] = await Promise.all([ben.send({ action: 'ready', ready: true }), host.send({ action: 'extend', ms: 60_000 })]);
    expect([r1.ok, r2.ok]).toEqual([true, true]);
    await waitFor(() => ana.latest()?.ready.length === 2, 5000, 'both changes kept');
  }, 30_000);

  it('XC2 a convening seated from node A tells people on node B their tables', async () => {
    const [a, b] = await twoNodes();
    const { session, members } = await createSessionWith(a.url, ['P1', 'P2', 'P3', 'P4']);
    const host = control(a, session.hostToken);
    const people = members.map((m, i) => control(i % 2 === 0 ? a : b, m.token));
    await waitFor(() => [host, ...people].every((c) => c.states.length > 0), 5000, 'connected');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true, state: { convening: true } });
    await waitFor(() => people.every((p) => typeof p.latest()?.tableId === 'string'), 5000, 'everyone told their table');
    const tables = host.latest()!.tables;
    members.forEach((m, i) => expect(tables.find((t) => t.members.includes(m.participantId))?.id).toBe(people[i]!.latest()!.tableId));
    expect((await host.send({ action: 'startRound' })).ok).toBe(true);
    await waitFor(() => people.every((p) => p.latest()?.status === 'running'), 5000, 'round running on both nodes');
  }, 30_000);
});
