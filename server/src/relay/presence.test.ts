/**
 * Presence belongs to its sender, against a real server on port 0, a real SQLite file, stock
 * y-websocket clients and raw sockets for the attacker: a flood of made-up awareness clients is
 * bounded per connection and per room (a newcomer still syncs at once, with a small awareness
 * message), nobody changes or removes someone else's presence, and honest presence keeps working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  awarenessMessage,
  connectClient,
  createSessionWith,
  openRawSocket,
  startTestServer,
  waitFor,
  type TestServer,
  type YClient,
} from '../testing/testServer.js';
import { MAX_ROOM_AWARENESS_BYTES } from './presenceGuard.js';

const servers: TestServer[] = [];
const clients: YClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  for (const s of servers.splice(0)) await s.stop();
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}
function connect(t: TestServer, sessionId: string, token: string): YClient {
  const client = connectClient(t.wsUrl, sessionId, 'table-1', token);
  clients.push(client);
  return client;
}
async function rawSocket(t: TestServer, sessionId: string, token: string): Promise<WebSocket> {
  const socket = await openRawSocket(t.wsUrl, sessionId, 'table-1', token);
  sockets.push(socket);
  return socket;
}

/** `worktable_limited_total{limit}` as /metrics shows it (0 before the first count). */
async function limitedCount(t: TestServer, limit: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return Number(new RegExp(`^worktable_limited_total\\{limit="${limit}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}

const stateOf = (client: YClient, clientId: number) => client.provider.awareness.getStates().get(clientId);
const clockOf = (client: YClient) => client.provider.awareness.meta.get(client.doc.clientID)?.clock ?? 0;

describe('presence that belongs to its sender', () => {
  it('AW1 a member floods 1,500 awareness states of 30 KiB under made-up ids over 12 sockets: the room holds at most 1 MiB, a newcomer syncs in under 10 s', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Mal', 'Newt']);
    const [ana, mal, newt] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const key = `${session.sessionId}/table-1`;
    const honest = connect(t, session.sessionId, ana.token);
    await honest.synced;
    honest.doc.getText('t').insert(0, 'hello');
    honest.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => t.server.relay.loadedRoom(key)?.awareness.getStates().has(honest.doc.clientID) === true, 5000, 'Ana present');

    const padding = 'x'.repeat(30 * 1024);
    const attackers = await Promise.all(Array.from({ length: 12 }, () => rawSocket(t, session.sessionId, mal.token)));
    const floodStarted = performance.now();
    for (let i = 0; i < 1500; i++) {
      attackers[i % attackers.length]!.send(
        awarenessMessage({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: `ghost ${i}` }, padding } }),
      );
    }
    const room = t.server.relay.loadedRoom(key)!;
    const ghosts = () => room.awareness.getStates().size - 1;
    const refused = async () => (await limitedCount(t, 'awareness_clients')) + (await limitedCount(t, 'awareness_room_bytes'));
    for (const deadline = Date.now() + 30_000; ghosts() + (await refused()) < 1500; ) {
      if (Date.now() > deadline) throw new Error(`flood not handled in 30 s: ${ghosts()} applied, ${await refused()} refused`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const floodMs = performance.now() - floodStarted;

    const newcomerStarted = performance.now();
    const newcomer = connect(t, session.sessionId, newt.token);
    const awarenessBytes: number[] = [];
    newcomer.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      if (bytes[0] === 1) awarenessBytes.push(bytes.byteLength);
    });
    await newcomer.synced;
    await waitFor(
      () => newcomer.doc.getText('t').toString() === 'hello' && stateOf(newcomer, honest.doc.clientID) !== undefined,
      10_000,
      'the document and Ana',
    );
    const newcomerMs = performance.now() - newcomerStarted;

    expect(newcomerMs).toBeLessThan(10_000);
    expect(newcomer.provider.wsconnected).toBe(true);
    expect(awarenessBytes[0]).toBeLessThanOrEqual(MAX_ROOM_AWARENESS_BYTES + 16);
    expect(room.presence.bytes).toBeLessThanOrEqual(MAX_ROOM_AWARENESS_BYTES);
    // 12 sockets may introduce 48 clients; 34 states of 30 KiB fill the room's 1 MiB.
    expect(ghosts()).toBeLessThanOrEqual(Math.floor(MAX_ROOM_AWARENESS_BYTES / padding.length));
    const [overCount, overBytes] = [await limitedCount(t, 'awareness_clients'), await limitedCount(t, 'awareness_room_bytes')];
    expect(overCount).toBeGreaterThan(0);
    expect(overBytes).toBeGreaterThan(0);
    expect(ghosts() + overCount + overBytes).toBe(1500);
    // The flood closed nobody: Ana (whose client echoed the 1 MiB of states back) still edits, the attacker's sockets stay open.
    expect(honest.provider.wsconnected).toBe(true);
    honest.doc.getText('t').insert(5, ' again');
    await waitFor(() => newcomer.doc.getText('t').toString() === 'hello again', 5000, 'edits after the flood');
    expect(attackers.every((socket) => socket.readyState === socket.OPEN)).toBe(true);
    console.log(
      `AW1: flood of 1,500 × 30 KiB handled in ${floodMs.toFixed(0)} ms: ${ghosts()} applied (${room.presence.bytes} bytes), ` +
        `${overCount} over the per-connection count, ${overBytes} over the room's bytes; newcomer synced in ${newcomerMs.toFixed(0)} ms, ` +
        `its awareness message ${awarenessBytes[0]} bytes`,
    );
  }, 60_000);

  it("AW2 a member cannot change or remove another connection's presence, nor take the client id while its owner is away; its own entries in the same updates apply", async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Mal', 'Cy']);
    const [ana, mal, cy] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const victim = connect(t, session.sessionId, ana.token);
    const watcher = connect(t, session.sessionId, cy.token);
    await Promise.all([victim.synced, watcher.synced]);
    const anaId = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => stateOf(watcher, anaId) !== undefined, 5000, 'Ana present');
    const original = stateOf(watcher, anaId);
    const clock = clockOf(victim);

    const attacker = await rawSocket(t, session.sessionId, mal.token);
    const malId = 4242;
    const mallory = (step: number) => ({ clientId: malId, clock: step, state: { user: { name: 'Mal' }, step } });
    const stepSeen = (step: number) => (stateOf(watcher, malId) as { step?: number } | undefined)?.step === step;
    attacker.send(awarenessMessage({ clientId: anaId, clock: clock + 1, state: { user: { name: 'Mal posing as Ana' } } }, mallory(1)));
    attacker.send(awarenessMessage({ clientId: anaId, clock, state: null }, mallory(2))); // a removal at Ana's own clock
    attacker.send(awarenessMessage({ clientId: anaId, clock: clock + 2, state: null }, mallory(3)));
    await waitFor(() => stepSeen(3), 5000, "Mal's own state");
    expect(stateOf(watcher, anaId)).toEqual(original);
    expect(t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.awareness.getStates().get(anaId)).toEqual(original);
    expect(await limitedCount(t, 'awareness_foreign')).toBe(3);
    expect(attacker.readyState).toBe(WebSocket.OPEN);

    // Ana drops; her presence goes. Mal cannot take her id meanwhile; she takes it back when she returns.
    victim.provider.disconnect();
    await waitFor(() => stateOf(watcher, anaId) === undefined, 5000, 'Ana gone');
    attacker.send(awarenessMessage({ clientId: anaId, clock: clock + 10, state: { user: { name: 'Mal posing as Ana' } } }, mallory(4)));
    await waitFor(() => stepSeen(4), 5000, "Mal's own state");
    expect(stateOf(watcher, anaId)).toBeUndefined();
    expect(await limitedCount(t, 'awareness_foreign')).toBe(4);
    victim.provider.connect();
    await waitFor(() => victim.provider.wsconnected, 5000, 'Ana back');
    victim.provider.awareness.setLocalStateField('user', { name: 'Ana, back' });
    await waitFor(
      () => (stateOf(watcher, anaId) as { user?: { name?: string } } | undefined)?.user?.name === 'Ana, back',
      5000,
      'Ana present again',
    );
  });

  it('AW3 stock clients keep their presence: set, changed, seen by the others, removed on disconnect; their echoes of each other are never counted as refusals', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const [a, b, c] = members.map((member) => connect(t, session.sessionId, member.token)) as [YClient, YClient, YClient];
    await Promise.all([a.synced, b.synced, c.synced]);
    const nameAt = (viewer: YClient, of: YClient) =>
      (stateOf(viewer, of.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    for (const [client, name] of [
      [a, 'Ana'],
      [b, 'Ben'],
      [c, 'Cy'],
    ] as const)
      client.provider.awareness.setLocalStateField('user', { name });
    await waitFor(
      () => [a, b, c].every((viewer) => nameAt(viewer, a) === 'Ana' && nameAt(viewer, b) === 'Ben' && nameAt(viewer, c) === 'Cy'),
      5000,
      'everyone sees everyone',
    );
    for (let x = 1; x <= 20; x++) a.provider.awareness.setLocalStateField('cursor', { x });
    a.provider.awareness.setLocalStateField('user', { name: 'Ana B.' });
    await waitFor(() => nameAt(b, a) === 'Ana B.' && nameAt(c, a) === 'Ana B.', 5000, 'the change');
    a.provider.disconnect();
    await waitFor(() => nameAt(b, a) === undefined && nameAt(c, a) === undefined, 5000, 'removed on disconnect');
    expect(nameAt(c, b)).toBe('Ben');
    for (const limit of ['awareness_foreign', 'awareness_clients', 'awareness_room_bytes'])
      expect(await limitedCount(t, limit), limit).toBe(0);
  });
});
