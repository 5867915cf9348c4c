/**
 * The control plane across two nodes (one Postgres, one Redis): people connected to different
 * nodes are one session — presence, roles and every state reach everyone — and the timers of a
 * running session are kept by exactly one node.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CallEvent, type CallJoinAck, type CallPeers, type JoinSessionResponse, type SignalIn } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { ONE_ADDRESS_ENV, TEST_REDIS_URL, createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { createSessionWith, postJson, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

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
  const env = { DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, TOKEN_SECRET: crypto.randomBytes(32).toString('hex'), ...ONE_ADDRESS_ENV };
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

/**
 * Waits until the host's node counts `count` people present (in a session of one table, who is
 * present is who sits at it): presence from the other node has crossed over.
 */
function presentAtHost(host: ControlClient, count: number): Promise<void> {
  return waitFor(() => host.latest()?.table?.members.length === count, 5000, `${count} present on the host's node`);
}

describe.skipIf(!available)('control across nodes', () => {
  it('XC1 one session over two nodes: presence from both, every state to everyone, actions from either node', async () => {
    const [a, b] = await twoNodes();
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben']);
    const host = control(a, session.hostToken);
    const ana = control(b, members[0]!.token);
    const ben = control(a, members[1]!.token);
    await waitFor(() => [host, ana, ben].every((c) => c.states.length > 0), 5000, 'everyone connected');
    await presentAtHost(host, 3);
    expect((await host.send({ action: 'start' })).ok).toBe(true);
    await waitFor(() => ana.latest()?.status === 'running' && ben.latest()?.status === 'running', 5000, 'running everywhere');
    // Roles went to people on both nodes (three present, four roles: everyone holds one).
    const holders = new Set(Object.values(ana.latest()!.roles));
    expect(holders).toEqual(new Set([session.participantId, members[0]!.participantId, members[1]!.participantId]));
    expect(ana.latest()!.table!.members.sort()).toEqual(
      [session.participantId, members[0]!.participantId, members[1]!.participantId].sort(),
    );
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
    await presentAtHost(host, 5);
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true, state: { convening: true } });
    await waitFor(
      () => [host, ...people].every((p) => p.latest()?.convening === true && (p === host || typeof p.latest()?.tableId === 'string')),
      5000,
      'everyone told their table',
    );
    members.forEach((m, i) => {
      expect(people[i]!.latest()!.table).toMatchObject({
        id: people[i]!.latest()!.tableId,
        members: expect.arrayContaining([m.participantId]) as string[],
      });
    });
    expect(host.directories.at(-1)?.map((t) => t.id)).toEqual(['table-1', 'table-2']);
    expect((await host.send({ action: 'startRound' })).ok).toBe(true);
    await waitFor(() => people.every((p) => p.latest()?.status === 'running'), 5000, 'round running on both nodes');
  }, 30_000);

  it('XC2b people who join after node A loaded the session and connect to node B are seated by a seat on node A', async () => {
    const [a, b] = await twoNodes();
    const { session, members } = await createSessionWith(a.url, ['P1', 'P2']);
    const host = control(a, session.hostToken);
    const early = members.map((m) => control(a, m.token));
    await waitFor(() => [host, ...early].every((c) => c.states.length > 0), 5000, 'node A loaded the session');
    // Two more join now and connect to node B only: node A has never seen them.
    const late = await Promise.all(
      ['P3', 'P4'].map((name) =>
        postJson<JoinSessionResponse>(`${b.url}/api/sessions/${session.sessionId}/join`, { inviteCode: session.inviteCode, name }),
      ),
    );
    const lateClients = late.map((j) => control(b, j.body.token));
    await waitFor(() => lateClients.every((c) => c.states.length > 0), 5000, 'the late ones connected to node B');
    await presentAtHost(host, 5);
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    await waitFor(
      () => [...early, ...lateClients].every((c) => c.latest()?.convening === true && typeof c.latest()?.tableId === 'string'),
      5000,
      'everyone seated',
    );
    expect(lateClients.every((c) => c.latest()!.table?.members.length === 2)).toBe(true);
  }, 30_000);

  it('XC5 a table’s call over two nodes: one list of peers, signals cross nodes, a move to another table follows', async () => {
    const [a, b] = await twoNodes();
    const { session, members } = await createSessionWith(a.url, ['P1', 'P2', 'P3', 'P4']);
    const host = control(a, session.hostToken);
    const people = members.map((m, i) => control(i % 2 === 0 ? a : b, m.token));
    const lists = people.map(() => [] as CallPeers[]);
    const signals = people.map(() => [] as SignalIn[]);
    people.forEach((p, i) => {
      p.socket.on(CallEvent.Peers, (list: CallPeers) => lists[i]!.push(list));
      p.socket.on(CallEvent.Signal, (signal: SignalIn) => signals[i]!.push(signal));
    });
    await waitFor(() => [host, ...people].every((c) => c.states.length > 0), 5000, 'connected');
    await presentAtHost(host, 5);
    // P1 (node A) with P2 (node B) at Table 1, P3 (A) with P4 (B) at Table 2: every call spans both nodes.
    for (const [i, tableId] of [
      [0, 'table-1'],
      [1, 'table-1'],
      [2, 'table-2'],
      [3, 'table-2'],
    ] as const) {
      expect(await host.send({ action: 'pin', participantId: members[i]!.participantId, tableId })).toMatchObject({ ok: true });
    }
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    await waitFor(() => people.map((p) => p.latest()?.tableId).join() === 'table-1,table-1,table-2,table-2', 5000, 'seated as pinned');
    const ids: string[] = [];
    for (const p of people) {
      const ack = (await p.socket.timeout(3000).emitWithAck(CallEvent.Join, { muted: false, video: false })) as CallJoinAck;
      ids.push(ack.ok ? ack.peerId : '');
    }
    const tableOf = (i: number) => people[i]!.latest()!.tableId;
    // Each table's list has its two people, wherever they are connected.
    await waitFor(
      () => people.every((_, i) => lists[i]!.at(-1)?.tableId === tableOf(i) && lists[i]!.at(-1)?.peers.length === 2),
      5000,
      'two calls of two across nodes',
    );
    const mateOf = (i: number) => people.findIndex((_, j) => j !== i && tableOf(j) === tableOf(i));
    const nodeOf = (i: number) => (i % 2 === 0 ? 'a' : 'b');
    for (const from of [0, 3]) {
      const to = mateOf(from);
      expect(nodeOf(from)).not.toBe(nodeOf(to));
      people[from]!.socket.emit(CallEvent.Signal, { to: ids[to], description: { type: 'offer', sdp: 'v=0' } });
      await waitFor(() => signals[to]!.some((s) => s.from === ids[from]), 5000, 'a signal crossed nodes');
    }
    // A move: the mover's call is the other table's, on both nodes.
    const mover = 0;
    const other = tableOf(mover) === 'table-1' ? 'table-2' : 'table-1';
    expect(await host.send({ action: 'move', participantId: members[mover]!.participantId, tableId: other })).toMatchObject({ ok: true });
    await waitFor(
      () => lists[mover]!.at(-1)?.tableId === other && lists[mover]!.at(-1)?.peers.length === 3,
      5000,
      'the mover is in the other call',
    );
    const newMates = people.map((_, i) => i).filter((i) => i !== mover && tableOf(i) === other);
    for (const i of newMates)
      await waitFor(() => lists[i]!.at(-1)?.peers.some((p) => p.peerId === ids[mover]) === true, 5000, 'the new table sees the mover');
    // Signals across tables are refused even across nodes.
    const stayer = people.findIndex((_, i) => i !== mover && tableOf(i) !== other);
    const before = signals[stayer]!.length;
    people[mover]!.socket.emit(CallEvent.Signal, { to: ids[stayer], description: { type: 'offer', sdp: 'v=0' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(signals[stayer]!.length).toBe(before);
  }, 30_000);
});
