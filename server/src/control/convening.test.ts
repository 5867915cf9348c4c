/**
 * A café with real socket.io clients against a real server on port 0 and a real SQLite file:
 * seating, rounds, each client told its table, moves, the dashboard, and table documents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PLENARY_DOC, builtInProtocol, type SessionState, type WireTable } from '@worktable/shared';
import { openControlClient, seatingSeenBy, type ControlClient } from '../testing/controlClient.js';
import { connectClient, postJson, startTestServer, upgradeStatus, waitFor, type TestServer } from '../testing/testServer.js';

const servers: TestServer[] = [];
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});

interface Cafe {
  sessionId: string;
  hostToken: string;
  inviteCode: string;
  host: ControlClient;
  people: { participantId: string; token: string; name: string; client: ControlClient }[];
}

/** A World Café session with `count` participants (organizations cycling over `orgs`), all connected. */
async function cafe(t: TestServer, count: number, orgs = 3): Promise<Cafe> {
  const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${t.url}/api/sessions`, {
    title: 'Café',
    protocol: 'world-cafe',
  });
  const { sessionId, hostToken, inviteCode } = created.body;
  const host = openControlClient(t.url, hostToken);
  clients.push(host);
  const people: Cafe['people'] = [];
  for (let i = 0; i < count; i++) {
    const name = `Person ${i + 1}`;
    const joined = await postJson<{ participantId: string; token: string }>(`${t.url}/api/sessions/${sessionId}/join`, {
      inviteCode,
      name,
      organization: `Org ${i % orgs}`,
    });
    const client = openControlClient(t.url, joined.body.token);
    clients.push(client);
    people.push({ ...joined.body, name, client });
  }
  await waitFor(() => host.states.length > 0 && people.every((p) => p.client.states.length > 0), 5000, 'everyone connected');
  return { sessionId, hostToken, inviteCode, host, people };
}

/** Starts the agenda and closes the opening plenary (the host's Next), so round 1 runs at the tables. */
async function startTables(c: Cafe): Promise<void> {
  expect(await c.host.send({ action: 'startRound' })).toMatchObject({ ok: true, state: { agenda: { index: 0 }, gathering: 'plenary' } });
  const next = await c.host.send({ action: 'next' });
  expect(next).toMatchObject({ ok: true, state: { agenda: { index: 1 }, gathering: 'tables' } });
  const version = next.ok ? next.state.version : 0;
  await waitFor(() => c.people.every((p) => (p.client.latest()?.version ?? 0) >= version), 3000, 'round 1 reached everyone');
}

/** The seating as the participants were told it. */
const seatingSeen = (c: Cafe): WireTable[] => seatingSeenBy(c.people.map((p) => p.client));

/** Every participant's latest state says the table the seating gives them, and only that table. */
function expectEveryoneToldTheirTable(c: Cafe, version: number): void {
  for (const p of c.people) {
    const state = p.client.latest() as SessionState;
    expect(state.version).toBeGreaterThanOrEqual(version);
    expect(state.table?.id).toBe(state.tableId);
    expect(state.table?.members).toContain(p.participantId);
  }
  expect(
    seatingSeen(c)
      .flatMap((t) => t.members)
      .sort(),
  ).toEqual(c.people.map((p) => p.participantId).sort());
  expect(c.host.latest()!.tableId).toBeNull();
  expect(c.host.latest()!.table).toBeNull();
  // The directory names every table, without its members.
  expect(c.host.directories.at(-1)).toEqual(seatingSeen(c).map((t) => ({ id: t.id, name: t.name })));
}

describe('convenings', () => {
  it('C1 seats a café, tells each client its table, reseats each round with hosts staying, and runs one round clock', async () => {
    const t = await startTestServer();
    servers.push(t);
    const c = await cafe(t, 12);
    const seated = await c.host.send({ action: 'seat', tableSize: 4 });
    expect(seated).toMatchObject({ ok: true, state: { convening: true, round: 1 } });
    const version = seated.ok ? seated.state.version : 0;
    await waitFor(() => c.people.every((p) => (p.client.latest()?.version ?? 0) >= version), 3000, 'seating reached everyone');
    expectEveryoneToldTheirTable(c, version);
    const round1 = seatingSeen(c);
    expect(round1).toHaveLength(3);
    expect(round1.map((t) => t.members.length)).toEqual([4, 4, 4]);
    // Organizations are spread: 12 people of 3 organizations at 3 tables of 4.
    const orgOf = new Map(c.people.map((p, i) => [p.participantId, i % 3]));
    for (const table of round1) expect(new Set(table.members.map((id) => orgOf.get(id))).size).toBe(3);

    await startTables(c);
    await waitFor(() => c.people.every((p) => p.client.latest()?.status === 'running'), 3000, 'round 1 running');
    const deadlines = new Set(c.people.map((p) => p.client.latest()!.phase!.endsAt));
    expect(deadlines.size).toBe(1); // one round clock
    for (const p of c.people) {
      const state = p.client.latest()!;
      const table = round1.find((t) => t.id === state.tableId)!;
      expect(state.roles.tableHost).toBe(table.host);
      expect(table.members).toContain(state.roles.facilitator);
    }
    // A table facilitator cannot set the shared clock; the host can, for everyone.
    const facilitator = c.people.find((p) => p.client.latest()!.roles.facilitator === p.participantId)!;
    expect(await facilitator.client.send({ action: 'pause' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect((await c.host.send({ action: 'endRound' })).ok).toBe(true);
    const next = await c.host.send({ action: 'startRound' });
    expect(next).toMatchObject({ ok: true, state: { round: 2 } });
    const v2 = next.ok ? next.state.version : 0;
    await waitFor(() => c.people.every((p) => (p.client.latest()?.version ?? 0) >= v2), 3000, 'round 2 reached everyone');
    expectEveryoneToldTheirTable(c, v2);
    const round2 = seatingSeen(c);
    round2.forEach((table, i) => {
      expect(table.host).toBe(round1[i]!.host);
    });
    for (const table of round2) {
      const before = round1.find((t) => t.id === table.id)!;
      for (const id of table.members.filter((m) => m !== table.host)) expect(before.members).not.toContain(id);
      expect(table.newcomers.sort()).toEqual(table.members.filter((m) => m !== table.host).sort());
    }
  });

  it('C2 the host moves a person (their client follows); participants may not; late joiners are seated; the dashboard reaches hosts only', async () => {
    const t = await startTestServer();
    servers.push(t);
    const c = await cafe(t, 6);
    await c.host.send({ action: 'seat', tableCount: 2 });
    await startTables(c);
    const mover = c.people[0]!;
    await waitFor(() => mover.client.latest()?.status === 'running');
    const from = mover.client.latest()!.tableId;
    const to = from === 'table-1' ? 'table-2' : 'table-1';
    expect(await c.people[1]!.client.send({ action: 'move', participantId: mover.participantId, tableId: to })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await c.host.send({ action: 'move', participantId: mover.participantId, tableId: 'table-7' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect((await c.host.send({ action: 'move', participantId: mover.participantId, tableId: to })).ok).toBe(true);
    await waitFor(() => mover.client.latest()?.tableId === to, 3000, 'mover told the new table');
    expect(mover.client.latest()!.table).toMatchObject({ id: to, members: expect.arrayContaining([mover.participantId]) as string[] });

    const late = await postJson<{ participantId: string; token: string }>(`${t.url}/api/sessions/${c.sessionId}/join`, {
      inviteCode: c.inviteCode,
      name: 'Late',
      organization: 'Org 0',
    });
    const lateClient = openControlClient(t.url, late.body.token);
    clients.push(lateClient);
    await waitFor(() => lateClient.latest()?.tableId !== null && lateClient.latest()?.tableId !== undefined, 3000, 'late joiner seated');
    await waitFor(
      () => c.host.dashboards.some((d) => d.tables.some((x) => x.members.includes(late.body.participantId))),
      3000,
      'dashboard',
    );
    const sizes = c.host.dashboards.at(-1)!.tables.map((x) => x.members.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);

    await waitFor(
      () => c.host.dashboards.some((d) => d.tables.some((x) => x.members.includes(late.body.participantId))),
      3000,
      'dashboard',
    );
    const dashboard = c.host.dashboards.at(-1)!;
    expect(dashboard.tables).toHaveLength(2);
    expect(dashboard.tables[0]).toMatchObject({ status: 'running', phaseTitle: expect.any(String) as string });
    expect(dashboard.people.find((p) => p.participantId === late.body.participantId)).toMatchObject({
      name: 'Late',
      organization: 'Org 0',
      present: true,
    });
    expect(c.people.every((p) => p.client.dashboards.length === 0)).toBe(true);
  });

  it('C3 summon and broadcast reach every table; the dashboard counts edits and harvest cards', async () => {
    const t = await startTestServer();
    servers.push(t);
    const c = await cafe(t, 4);
    await c.host.send({ action: 'seat', tableCount: 2 });
    await startTables(c);
    expect(await c.host.send({ action: 'broadcast', message: 'Ten minutes left' })).toMatchObject({ ok: true });
    await waitFor(() => c.people.every((p) => p.client.latest()?.broadcast?.message === 'Ten minutes left'), 3000, 'broadcast');
    expect((await c.host.send({ action: 'summon', to: 'plenary' })).ok).toBe(true);
    await waitFor(
      () => c.people.every((p) => p.client.latest()?.gathering === 'plenary' && p.client.latest()?.status === 'paused'),
      3000,
      'summoned',
    );

    // A participant writes on their table and posts a harvest card on the plenary.
    const writer = c.people[0]!;
    const tableId = writer.client.latest()!.tableId!;
    const table = connectClient(t.wsUrl, c.sessionId, tableId, writer.token);
    const plenary = connectClient(t.wsUrl, c.sessionId, PLENARY_DOC, writer.token);
    await Promise.all([table.synced, plenary.synced]);
    table.doc.getMap('scratch').set('x', 1);
    table.doc.getMap('scratch').set('y', 2);
    plenary.doc.getMap('harvest').set('card-1', {
      id: 'card-1',
      tableId,
      tableName: 'Table',
      round: 1,
      kind: 'insight',
      text: 'We listen better in small groups',
      by: writer.participantId,
      byName: writer.name,
      at: Date.now(),
    });
    await waitFor(
      () => {
        const row = c.host.dashboards.at(-1)?.tables.find((x) => x.id === tableId);
        return (row?.editsLastMinute ?? 0) >= 2 && row?.harvest === 1;
      },
      8000,
      'dashboard activity',
    );
    table.destroy();
    plenary.destroy();
    expect((await c.host.send({ action: 'summon', to: 'tables' })).ok).toBe(true);
    await waitFor(
      () => c.people.every((p) => p.client.latest()?.gathering === 'tables' && p.client.latest()?.status === 'running'),
      3000,
      'back at tables',
    );
  });

  it('C4 tokens open every table document of their own session and none of another session', async () => {
    const t = await startTestServer();
    servers.push(t);
    const a = await cafe(t, 2);
    const b = await postJson<{ sessionId: string }>(`${t.url}/api/sessions`, { title: 'Other' });
    const token = a.people[0]!.token;
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${a.sessionId}/table-2?token=${token}`)).toBe(101);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${a.sessionId}/${PLENARY_DOC}?token=${token}`)).toBe(101);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${b.body.sessionId}/table-1?token=${token}`)).toBe(403);
    expect(builtInProtocol('world-cafe')?.roles).toContain('reporter');
  });

  it('C5 the host visits a table: follows its state, acts on it alone, and leaves', async () => {
    const t = await startTestServer();
    servers.push(t);
    const c = await cafe(t, 6);
    await c.host.send({ action: 'seat', tableCount: 2, clock: 'perTable' });
    await startTables(c);
    expect(await c.people[0]!.client.send({ action: 'visit', tableId: 'table-2' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const visited = await c.host.send({ action: 'visit', tableId: 'table-2' });
    expect(visited).toMatchObject({ ok: true, state: { tableId: 'table-2', status: 'running' } });
    // A pause without tableId acts on the visited table only.
    const paused = await c.host.send({ action: 'pause' });
    expect(paused).toMatchObject({ ok: true, state: { tableId: 'table-2', status: 'paused' } });
    const atTable = (id: string) => c.people.find((p) => p.client.latest()?.tableId === id)!;
    await waitFor(() => atTable('table-2').client.latest()?.status === 'paused', 3000, 'table 2 paused');
    expect(atTable('table-1').client.latest()!.status).toBe('running');
    // The host keeps following table 2 through later changes (a vote opened there).
    const itemIds = ['s1', 's2'];
    expect((await c.host.send({ action: 'openVote', items: itemIds, dots: 2 })).ok).toBe(true);
    await waitFor(
      () => c.host.latest()?.vote?.items.join() === 's1,s2' && c.host.latest()?.tableId === 'table-2',
      3000,
      'host sees the vote at table 2',
    );
    expect(atTable('table-1').client.latest()!.vote).toBeNull();
    expect(await c.host.send({ action: 'visit', tableId: null })).toMatchObject({ ok: true, state: { tableId: null } });
  });
});
