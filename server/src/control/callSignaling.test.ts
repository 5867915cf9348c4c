/**
 * Call signaling with real socket.io clients against a real server on port 0 (and a real SQLite
 * file): who is in each table's call, the relay of offers and candidates only between sockets at
 * the same table, calls that follow a move to another table, the rate limit, bad input refused
 * without harm, and TURN credentials that coturn's `use-auth-secret` accepts.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CallEvent, type CallJoinAck, type CallPeers, type SignalIn } from '@worktable/shared';
import { loadConfig } from '../config/config.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { createSessionWith, postJson, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';
import { SIGNAL_BURST } from './iceServers.js';
import { turnCredentials } from './iceServers.js';

let t: TestServer | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = undefined;
});

/** A control client that records its call events. */
interface Caller extends ControlClient {
  peers: CallPeers[];
  signals: SignalIn[];
  join(muted?: boolean): Promise<CallJoinAck>;
}

function caller(url: string, token: string): Caller {
  const client = openControlClient(url, token);
  clients.push(client);
  const peers: CallPeers[] = [];
  const signals: SignalIn[] = [];
  client.socket.on(CallEvent.Peers, (p: CallPeers) => peers.push(p));
  client.socket.on(CallEvent.Signal, (s: SignalIn) => signals.push(s));
  return {
    ...client,
    peers,
    signals,
    join: (muted = false) => client.socket.timeout(3000).emitWithAck(CallEvent.Join, { muted, video: false }) as Promise<CallJoinAck>,
  };
}

const lastPeers = (c: Caller) => c.peers.at(-1);
const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };

describe('call signaling', () => {
  it('CS1 everyone at a table sees who is in its call, with their microphone; signals reach only the peer named', async () => {
    t = await startTestServer({ ICE_SERVERS: 'stun:127.0.0.1:3478,turn:127.0.0.1:3478', TURN_SECRET: 'a-shared-secret-of-coturn' });
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = members.map((m) => caller(t!.url, m.token)) as [Caller, Caller, Caller];
    await waitFor(() => [ana, ben, cy].every((c) => c.states.length > 0), 5000, 'connected');
    const acks = [await ana.join(), await ben.join(true), await cy.join()];
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, settings: { maxVideoPeers: 8, iceTransportPolicy: 'all' } });
    const ids = acks.map((a) => (a.ok ? a.peerId : ''));
    // STUN as is; TURN with a short-lived credential derived from the shared secret.
    const servers = acks[0]!.ok ? acks[0]!.settings.iceServers : [];
    expect(servers[0]).toEqual({ urls: ['stun:127.0.0.1:3478'] });
    expect(servers[1]?.username).toMatch(/^\d+:/);

    await waitFor(() => [ana, ben, cy].every((c) => lastPeers(c)?.peers.length === 3), 3000, 'everyone sees three in the call');
    expect(lastPeers(ana)).toMatchObject({ tableId: 'table-1' });
    expect(lastPeers(ana)?.peers.find((p) => p.peerId === ids[1])).toMatchObject({ participantId: members[1]!.participantId, muted: true });

    ana.socket.emit(CallEvent.Signal, { to: ids[1], description: offer });
    ana.socket.emit(CallEvent.Signal, {
      to: ids[1],
      candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    });
    await waitFor(() => ben.signals.length === 2, 3000, 'Ben got the offer and the candidate');
    expect(ben.signals[0]).toEqual({ from: ids[0], description: offer });
    expect(cy.signals).toEqual([]);

    // Unmuting and asking to speak reach the table.
    ben.socket.emit(CallEvent.Update, { muted: false, asksToSpeak: true });
    await waitFor(() => lastPeers(cy)?.peers.find((p) => p.peerId === ids[1])?.asksToSpeak === true, 3000, 'Cy sees Ben ask to speak');

    // Leaving takes you out of everyone's list; a disconnect too.
    ben.socket.emit(CallEvent.Leave);
    await waitFor(() => lastPeers(ana)?.peers.length === 2, 3000, 'Ben left');
    cy.close();
    await waitFor(() => lastPeers(ana)?.peers.length === 1, 3000, 'Cy disconnected');
  });

  it('CS2 nobody signals across tables, sessions or outside the call; bad frames change nothing and the server stays up', async () => {
    t = await startTestServer();
    const first = await createSessionWith(t.url, ['Ana', 'Ben']);
    const other = await createSessionWith(t.url, ['Zed']);
    const [ana, ben] = first.members.map((m) => caller(t!.url, m.token)) as [Caller, Caller];
    const zed = caller(t.url, other.members[0]!.token);
    await waitFor(() => [ana, ben, zed].every((c) => c.states.length > 0), 5000, 'connected');
    const benAck = await ben.join();
    const benId = benAck.ok ? benAck.peerId : '';
    // Not in the call yet: nothing goes through.
    ana.socket.emit(CallEvent.Signal, { to: benId, description: offer });
    // Another session's member, in their own call, names Ben's connection.
    await zed.join();
    zed.socket.emit(CallEvent.Signal, { to: benId, description: offer });
    // Malformed: wrong types, a huge SDP, unknown fields, not an object.
    await ana.join();
    for (const bad of [
      null,
      'offer',
      { to: benId, description: { type: 'hack', sdp: 'x' } },
      { to: benId, description: { type: 'offer', sdp: 'x'.repeat(40_000) } },
      { to: benId, extra: 1 },
      { to: 5 },
    ])
      ana.socket.emit(CallEvent.Signal, bad);
    ana.socket.emit(CallEvent.Update, { muted: 'yes' });
    expect(await ana.socket.timeout(3000).emitWithAck(CallEvent.Join, { muted: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    // What is allowed still works after all that.
    ana.socket.emit(CallEvent.Signal, { to: benId, description: offer });
    await waitFor(() => ben.signals.length >= 1, 3000, 'the good signal arrives');
    await new Promise((r) => setTimeout(r, 200));
    expect(ben.signals).toHaveLength(1);
    expect(ben.signals[0]!.from).not.toBe('');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_call_signals_total\{outcome="refused"\} [1-9]/);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('CS3 one connection cannot flood its table: signals beyond the burst are dropped and counted', async () => {
    t = await startTestServer();
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members.map((m) => caller(t!.url, m.token)) as [Caller, Caller];
    await waitFor(() => [ana, ben].every((c) => c.states.length > 0), 5000, 'connected');
    await ana.join();
    const benAck = await ben.join();
    const benId = benAck.ok ? benAck.peerId : '';
    for (let i = 0; i < 2_000; i++)
      ana.socket.emit(CallEvent.Signal, {
        to: benId,
        candidate: { candidate: `candidate:${i} 1 udp 1 127.0.0.1 ${i} typ host`, sdpMid: '0', sdpMLineIndex: 0 },
      });
    await waitFor(() => ben.signals.length >= SIGNAL_BURST, 5000, 'the burst arrives');
    await new Promise((r) => setTimeout(r, 300));
    expect(ben.signals.length).toBeLessThan(SIGNAL_BURST + 100);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_call_signals_total\{outcome="limited"\} \d{3,}/);
  });

  it('CS7 toggling the microphone 5,000 times sends the table a bounded number of peer lists', async () => {
    t = await startTestServer();
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members.map((m) => caller(t!.url, m.token)) as [Caller, Caller];
    await waitFor(() => [ana, ben].every((c) => c.states.length > 0), 5000, 'connected');
    await ana.join();
    await ben.join();
    await waitFor(() => lastPeers(ben)?.peers.length === 2, 3000, 'both in the call');
    const before = ben.peers.length;
    const started = Date.now();
    for (let i = 0; i < 5_000; i++) ana.socket.emit(CallEvent.Update, { muted: i % 2 === 0 });
    await new Promise((r) => setTimeout(r, 1_000));
    const lists = ben.peers.length - before;
    // Lists are gathered per 20 ms and updates share the connection's rate limit.
    expect(lists).toBeGreaterThan(0);
    expect(lists).toBeLessThan(Math.ceil((Date.now() - started) / 20) + 5);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('CS4 calls follow the seating: a move takes the person out of one table’s call and into the other’s', async () => {
    t = await startTestServer();
    const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${t.url}/api/sessions`, {
      title: 'Café',
      protocol: 'world-cafe',
    });
    const { sessionId, hostToken, inviteCode } = created.body;
    const host = caller(t.url, hostToken);
    const people: { participantId: string; c: Caller }[] = [];
    for (const name of ['Ana', 'Ben', 'Cy', 'Dee']) {
      const joined = await postJson<{ participantId: string; token: string }>(`${t.url}/api/sessions/${sessionId}/join`, {
        inviteCode,
        name,
      });
      people.push({ participantId: joined.body.participantId, c: caller(t.url, joined.body.token) });
    }
    await waitFor(() => host.states.length > 0 && people.every((p) => p.c.states.length > 0), 5000, 'connected');
    expect(await host.send({ action: 'seat', tableCount: 2 })).toMatchObject({ ok: true });
    await waitFor(() => people.every((p) => p.c.latest()?.tableId), 3000, 'seated');
    for (const p of people) expect(await p.c.join()).toMatchObject({ ok: true });
    const tableOf = (p: { c: Caller }) => p.c.latest()!.tableId!;
    await waitFor(
      () => people.every((p) => lastPeers(p.c)?.tableId === tableOf(p) && lastPeers(p.c)?.peers.length === 2),
      3000,
      'two calls of two',
    );
    const mover = people[0]!;
    const from = tableOf(mover);
    const to = people.find((p) => tableOf(p) !== from)!.c.latest()!.tableId!;
    const stayer = people.find((p) => p !== mover && tableOf(p) === from)!;
    expect(await host.send({ action: 'move', participantId: mover.participantId, tableId: to })).toMatchObject({ ok: true });
    await waitFor(() => lastPeers(mover.c)?.tableId === to && lastPeers(mover.c)?.peers.length === 3, 3000, 'the mover is in the new call');
    await waitFor(() => lastPeers(stayer.c)?.peers.length === 1, 3000, 'the old table’s call lost them');
    // The host is at no table: no call there.
    expect(await host.join()).toMatchObject({ ok: true });
    await waitFor(() => lastPeers(host)?.tableId === null && lastPeers(host)?.peers.length === 0, 3000, 'the host has no call at no table');
  });

  it('CS5 TURN credentials are what coturn computes: HMAC-SHA1 of "<expiry>:<label>" under the shared secret', () => {
    const settings = loadConfig({
      ICE_SERVERS: 'turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349',
      TURN_SECRET: 'coturn-static-auth-secret',
      TURN_TTL_SECONDS: '600',
    }).ice;
    const [turn] = turnCredentials(settings, 's1.p1', 1_700_000_000_000);
    expect(turn?.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
    expect(turn?.username).toBe('1700000600:s1.p1');
    expect(turn?.credential).toBe(crypto.createHmac('sha1', 'coturn-static-auth-secret').update('1700000600:s1.p1').digest('base64'));
    expect(() => loadConfig({ ICE_SERVERS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET: must be set/);
    expect(() => loadConfig({ ICE_SERVERS: 'http://nope' })).toThrow(/ICE_SERVERS: must be comma-separated/);
    expect(() => loadConfig({ ICE_TRANSPORT_POLICY: 'relay' })).toThrow(/ICE_TRANSPORT_POLICY: relay needs a turn: address/);
  });
});

describe('speaking time', () => {
  it('ST3 reports add up per person in the participation view; the record shows the spread without names only when the host chose it', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members.map((m) => caller(t!.url, m.token)) as [Caller, Caller];
    const host = caller(t.url, session.hostToken);
    // Everyone has seen everyone arrive (and whatever that changed) before the reports.
    await waitFor(
      () => [ana, ben, host].every((c) => c.latest()?.table?.members.length === 3 && c.latest()?.version === host.latest()?.version),
      5000,
      'connected',
    );
    const beforeVersion = ana.latest()!.version;
    expect(await ana.send({ action: 'spoke', ms: 3_000 })).toMatchObject({ ok: true });
    expect(await ben.send({ action: 'spoke', ms: 1_000 })).toMatchObject({ ok: true });
    // More than has passed since Ana's last report; a negative or fractional report.
    expect(await ana.send({ action: 'spoke', ms: 50_000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ben.send({ action: 'spoke', ms: -1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // Nobody's view changes with a report: no state goes out for it.
    await new Promise((r) => setTimeout(r, 200));
    expect(ben.states.filter((s) => s.version > beforeVersion)).toEqual([]);

    const auth = { authorization: `Bearer ${session.hostToken}` };
    const rows = (
      (await (await fetch(`${t.url}/api/sessions/${session.sessionId}/participation`, { headers: auth })).json()) as {
        rows: { name: string; spokenMs: number }[];
      }
    ).rows;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.spokenMs]))).toMatchObject({ Ana: 3_000, Ben: 1_000 });
    // Ben sees only his own row.
    const own = (
      (await (
        await fetch(`${t.url}/api/sessions/${session.sessionId}/participation`, {
          headers: { authorization: `Bearer ${members[1]!.token}` },
        })
      ).json()) as { rows: { name: string }[] }
    ).rows;
    expect(own.map((r) => r.name)).toEqual(['Ben']);

    const record = async () => (await fetch(`${t!.url}/api/sessions/${session.sessionId}/export?format=md`, { headers: auth })).text();
    expect(await record()).not.toMatch(/Talk time/);
    expect(await ben.send({ action: 'talkTimeInRecord', on: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.send({ action: 'talkTimeInRecord', on: true })).toMatchObject({ ok: true, state: { talkTimeInRecord: true } });
    const md = await record();
    expect(md).toContain('Talk time in the calls: 2 people spoke; the most active speaker held 75 % of the talk time.');
    expect(md.split('Talk time')[1]?.split('\n')[0]).not.toMatch(/Ana|Ben/);
  });
});

describe('the plenary call', () => {
  it('CS6 everyone together shares one audio call up to its cap; its signals stay in it', async () => {
    t = await startTestServer({ CALL_MAX_PLENARY_PEERS: '2' });
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = members.map((m) => caller(t!.url, m.token)) as [Caller, Caller, Caller];
    await waitFor(() => [ana, ben, cy].every((c) => c.states.length > 0), 5000, 'connected');
    const join = (c: Caller) =>
      c.socket.timeout(3000).emitWithAck(CallEvent.Join, { muted: true, video: true, scope: 'plenary' }) as Promise<CallJoinAck>;
    const anaAck = await join(ana);
    const benAck = await join(ben);
    expect(benAck).toMatchObject({ ok: true, settings: { maxPlenaryPeers: 2 } });
    expect(await join(cy)).toMatchObject({ ok: false, error: { code: 'full', message: expect.stringContaining('call link') } });
    const plenaryPeers = (c: Caller) => c.peers.filter((p) => p.scope === 'plenary').at(-1);
    await waitFor(() => plenaryPeers(ana)?.peers.length === 2, 3000, 'two in the plenary call');
    // Audio only: a camera asked for is not on.
    expect(plenaryPeers(ana)?.peers.every((p) => !p.video)).toBe(true);
    const ids = [anaAck, benAck].map((a) => (a.ok ? a.peerId : ''));
    ana.socket.emit(CallEvent.Signal, { to: ids[1], description: offer });
    await waitFor(() => ben.signals.length === 1, 3000, 'Ben gets Ana’s offer');
    // Cy, in the table's call instead, can neither reach them nor be reached.
    const cyAck = await cy.join();
    const cyId = cyAck.ok ? cyAck.peerId : '';
    cy.socket.emit(CallEvent.Signal, { to: ids[0], description: offer });
    ana.socket.emit(CallEvent.Signal, { to: cyId, description: offer });
    await new Promise((r) => setTimeout(r, 200));
    expect(ana.signals).toEqual([]);
    expect(cy.signals).toEqual([]);
    // Back to the table's call: Ana leaves the plenary's.
    expect(await ana.join()).toMatchObject({ ok: true });
    await waitFor(() => plenaryPeers(ben)?.peers.length === 1, 3000, 'Ana left the plenary call');
    await waitFor(() => lastPeers(cy)?.scope === 'table' && lastPeers(cy)?.peers.length === 2, 3000, 'Ana joined the table call');
  });
});
