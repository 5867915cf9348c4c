/**
 * A World Café of 20 run as its agenda against the real server in a child process: a table host
 * named before seating, a late joiner, a table host who leaves, and a `kill -9` mid-round. The
 * round's deadline and seating survive the crash; the round ends and reseats by itself at its
 * exact deadline; the harvest runs in the plenary; the agenda ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtInProtocol, type Protocol, type SessionState, type WireTable } from '@worktable/shared';
import { openControlClient, seatingSeenBy, seatingSettled, type ControlClient, postJson, waitFor } from '@worktable/server/testing';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

const ROUND_MS = 15_000;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** The World Café with the shortest phases a protocol may have. */
function shortCafe(): Protocol {
  const cafe = builtInProtocol('world-cafe') as Protocol;
  const short = (phase: Protocol['round'][number]) => ({ ...phase, durationMs: ROUND_MS });
  return {
    ...cafe,
    id: 'short-cafe',
    title: 'Short café',
    opening: cafe.opening.map(short),
    round: cafe.round.map(short),
    closing: cafe.closing.map(short),
  };
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  cleanup.push(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) return server.stop('SIGKILL');
  });
  return server;
}

interface Person {
  participantId: string;
  token: string;
  name: string;
  client: ControlClient | null;
}

function connect(server: ServerProcess, token: string): ControlClient {
  const client = openControlClient(server.url, token);
  cleanup.push(() => client.close());
  return client;
}

const sameTables = (a: readonly WireTable[], b: readonly WireTable[]) =>
  JSON.stringify(a.map((t) => [t.id, t.host, [...t.members].sort()])) ===
  JSON.stringify(b.map((t) => [t.id, t.host, [...t.members].sort()]));

describe('a café agenda across a crash', () => {
  it('K6 20 people, a named host, a late joiner and a leaver; kill -9 mid-round keeps the deadline and the seating; rounds reseat by themselves', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-cafe-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { DATA_DIR: dir, PORT: String(await freePort()) };
    let server = await start(env);
    const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${server.url}/api/sessions`, {
      title: 'Network café',
      customProtocol: shortCafe(),
    });
    const { sessionId, hostToken, inviteCode } = created.body;
    const join = async (name: string, organization: string): Promise<Person> => {
      const joined = await postJson<{ participantId: string; token: string }>(`${server.url}/api/sessions/${sessionId}/join`, {
        inviteCode,
        name,
        organization,
      });
      return { ...joined.body, name, client: null };
    };
    const sizes = [5, 4, 4, 4, 2]; // the late joiner makes the fifth organization 3
    const people: Person[] = [];
    for (const [org, size] of sizes.entries()) for (let i = 0; i < size; i++) people.push(await join(`P${org}-${i}`, `Org ${org}`));
    let host = connect(server, hostToken);
    for (const p of people) p.client = connect(server, p.token);
    await waitFor(() => host.states.length > 0 && people.every((p) => (p.client?.states.length ?? 0) > 0), 10_000, 'everyone connected');

    // A table host named before anyone is seated.
    const named = people[7]!;
    expect(await host.send({ action: 'pin', participantId: named.participantId, tableId: 'table-3', host: true })).toMatchObject({
      ok: true,
    });
    const seated = await host.send({ action: 'seat', tableCount: 5 });
    expect(seated.ok).toBe(true);
    const seatedVersion = seated.ok ? seated.state.version : 0;
    await waitFor(() => people.every((p) => (p.client?.latest()?.version ?? 0) >= seatedVersion), 5000, 'everyone seated');
    const plan = seatingSeenBy(people.map((p) => p.client));
    expect(plan.find((t) => t.id === 'table-3')).toMatchObject({ host: named.participantId });

    // The welcome in the plenary (the host closes it), then round 1 at the tables.
    expect(await host.send({ action: 'startRound' })).toMatchObject({
      ok: true,
      state: { gathering: 'plenary', phase: { id: 'welcome' } },
    });
    const round1 = await host.send({ action: 'next' });
    expect(round1).toMatchObject({ ok: true, state: { gathering: 'tables', agenda: { index: 1 }, protocolRound: 1, protocolRounds: 3 } });
    const v1 = round1.ok ? round1.state.version : 0;
    await waitFor(() => people.every((p) => (p.client?.latest()?.version ?? 0) >= v1), 5000, 'round 1 reached everyone');
    const deadline = people[0]!.client!.latest()!.phase!.endsAt as number;
    expect(new Set(people.map((p) => p.client!.latest()!.phase?.endsAt))).toEqual(new Set([deadline]));
    expect(people.every((p) => p.client!.latest()!.phase?.id === 'round')).toBe(true);

    // Someone arrives late: told where they sit.
    const late = await join('Late', 'Org 4');
    late.client = connect(server, late.token);
    await waitFor(() => typeof late.client?.latest()?.tableId === 'string', 5000, 'late joiner seated');
    people.push(late);
    await waitFor(
      () =>
        seatingSettled(
          people.map((p) => p.client),
          20,
        ),
      5000,
      'the late joiner’s table told',
    );
    const tablesBefore = seatingSeenBy(people.map((p) => p.client));
    expect(tablesBefore.flatMap((t) => t.members)).toHaveLength(20);
    expect(host.directories.at(-1)?.map((t) => t.id)).toEqual(tablesBefore.map((t) => t.id));
    // The host of table 1 leaves.
    const table1 = tablesBefore.find((t) => t.id === 'table-1')!;
    const leaver = people.find((p) => p.participantId === table1.host)!;
    leaver.client!.close();
    leaver.client = null;

    // kill -9 mid-round, then everyone (but the leaver) comes back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await server.stop('SIGKILL')).toBeNull();
    server = await start(env);
    host = connect(server, hostToken);
    for (const p of people) if (p.client) p.client = connect(server, p.token);
    await waitFor(() => people.every((p) => !p.client || (p.client.latest()?.phase?.id ?? null) !== null), 10_000, 'everyone back');
    for (const p of people.filter((x) => x.client)) {
      const state = p.client!.latest() as SessionState;
      expect(state.phase?.endsAt).toBe(deadline); // the deadline kept, to the millisecond
    }
    expect(sameTables(seatingSeenBy(people.map((p) => p.client)), tablesBefore)).toBe(true); // the seating kept
    expect(Date.now()).toBeLessThan(deadline);

    // At the deadline the round ends and round 2 starts by itself, reseated, its clock from the exact deadline.
    // The host's state too: it is the one read below (under load it can arrive after the others').
    await waitFor(
      () => [host, ...people.map((p) => p.client)].every((c) => !c || c.latest()?.agenda?.index === 2),
      ROUND_MS + 5000,
      'round 2 started by itself',
    );
    const r2 = { tables: seatingSeenBy(people.map((p) => p.client)) };
    expect(people.find((p) => p.client)!.client!.latest()!.phase?.endsAt).toBe(deadline + ROUND_MS);
    const t1 = r2.tables.find((t) => t.id === 'table-1')!;
    expect(t1.host).not.toBe(leaver.participantId);
    expect(table1.members).toContain(t1.host); // the new host heard table 1's conversation
    expect(r2.tables.find((t) => t.id === 'table-3')!.host).toBe(named.participantId);
    for (const table of r2.tables) {
      const before = tablesBefore.find((t) => t.id === table.id)!;
      for (const id of table.members.filter((m) => m !== table.host)) expect(before.members).not.toContain(id);
    }
    expect(r2.tables.flatMap((t) => t.members)).not.toContain(leaver.participantId);

    // The host moves the agenda on: round 3, then the harvest with everyone together, then the end.
    expect(await host.send({ action: 'next' })).toMatchObject({ ok: true, state: { agenda: { index: 3 } } });
    expect(await host.send({ action: 'next' })).toMatchObject({
      ok: true,
      state: { agenda: { index: 4 }, gathering: 'plenary', phase: { id: 'harvest' } },
    });
    await waitFor(() => people.every((p) => !p.client || p.client.latest()?.phase?.id === 'harvest'), 5000, 'everyone at the harvest');
    expect(await host.send({ action: 'next' })).toMatchObject({ ok: true, state: { status: 'done', agenda: { index: 5 } } });
  }, 60_000);
});
