/**
 * The control plane with real socket.io clients against a real server on port 0 and a real
 * SQLite file. Short phases come from a test protocol injected at build time (built-ins last
 * minutes); the timer code is the same. CP4 is the one run of real 400 ms phases end to end; the
 * runtime's timers to the millisecond, and the facilitator's grace, are in phaseClock.test.ts on
 * a fake clock, and CP5 moves the clock past a deadline instead of waiting for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ControlEvent, builtInProtocol, type ControlAck } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { QUICK_PROTOCOL as quick } from '../testing/fixtures.js';
import { startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

const findProtocol = (id: string) => (id === 'quick' ? quick : builtInProtocol(id));

const servers: TestServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.stop();
});

async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env, { findProtocol });
  servers.push(server);
  return server;
}

function client(url: string, token: string): ControlClient {
  const opened = openControlClient(url, token);
  sockets.push(opened.socket);
  return opened;
}
function control(socket: Socket, payload: unknown): Promise<ControlAck> {
  return new Promise((resolve) => socket.emit(ControlEvent.Control, payload, resolve));
}
async function session(url: string, protocol: string, names: string[]) {
  const created = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Run', protocol }),
  });
  const body = (await created.json()) as { sessionId: string; hostToken: string; inviteCode: string; participantId: string };
  const members = [];
  for (const name of names) {
    const joined = await fetch(`${url}/api/sessions/${body.sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteCode: body.inviteCode, name }),
    });
    members.push((await joined.json()) as { participantId: string; token: string });
  }
  return { ...body, members };
}

describe('control plane', () => {
  it('CP1 sends the run’s state on connect: lobby, protocol, first phase at full length', async () => {
    const t = await start();
    const s = await session(t.url, 'tuning', []);
    const host = client(t.url, s.hostToken);
    await waitFor(() => host.states.length > 0);
    expect(host.latest()).toMatchObject({
      status: 'lobby',
      protocolId: 'tuning',
      phaseIndex: 0,
      phase: { id: 'introduction', durationMs: 300_000, remainingMs: 300_000, endsAt: null },
    });
    expect(Math.abs(host.latest()!.serverNow - Date.now())).toBeLessThan(2000);
  });

  it('CP2 refuses control from anyone but the facilitator or host, and malformed payloads, changing nothing', async () => {
    const t = await start();
    const s = await session(t.url, 'tuning', ['Ana']);
    const ana = client(t.url, s.members[0]!.token);
    await waitFor(() => ana.states.length > 0);
    const version = ana.latest()!.version;
    expect(await control(ana.socket, { action: 'start' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only the facilitator or the host can do this.' },
    });
    expect((await control(ana.socket, { action: 'explode' })) as { error: { code: string } }).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await control(ana.socket, { action: 'extend', ms: 'lots' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await control(ana.socket, 'nonsense')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const host = client(t.url, s.hostToken);
    await waitFor(() => host.states.length > 0);
    expect(host.latest()!.version).toBe(version);
  });

  it('CP3 the host starts; everyone gets the deadline; time:sync answers the server clock', async () => {
    const t = await start();
    const s = await session(t.url, 'tuning', ['Ana', 'Ben']);
    const host = client(t.url, s.hostToken);
    const ana = client(t.url, s.members[0]!.token);
    const ben = client(t.url, s.members[1]!.token);
    await waitFor(() => host.states.length > 0 && ana.states.length > 0 && ben.states.length > 0);
    const before = Date.now();
    const ack = await control(host.socket, { action: 'start' });
    expect(ack.ok).toBe(true);
    await waitFor(() => ana.latest()?.status === 'running' && ben.latest()?.status === 'running');
    const endsAt = ana.latest()!.phase!.endsAt!;
    expect(endsAt).toBeGreaterThanOrEqual(before + 300_000);
    expect(ben.latest()!.phase!.endsAt).toBe(endsAt);
    const roles = ana.latest()!.roles;
    expect(Object.keys(roles).sort()).toEqual(['facilitator', 'presenter', 'scribe', 'timekeeper']);
    expect(new Set(Object.values(roles)).size).toBe(3); // three people present: everyone holds one, one holds two
    const sync = await new Promise<{ serverNow: number }>((resolve) => ana.socket.emit(ControlEvent.TimeSync, resolve));
    expect(Math.abs(sync.serverNow - Date.now())).toBeLessThan(1000);
  });

  it('CP4 advances by itself at each deadline (within 50 ms) and waits where the phase says', async () => {
    const t = await start();
    const s = await session(t.url, 'quick', ['Ana']);
    const host = client(t.url, s.hostToken);
    await waitFor(() => host.states.length > 0);
    await control(host.socket, { action: 'start' });
    await waitFor(() => host.latest()?.phase?.id === 'a');
    const firstDeadline = host.latest()!.phase!.endsAt!;
    await waitFor(() => host.latest()?.phase?.id === 'b', 3000, 'phase b');
    const b = host.latest()!;
    expect(b.phase!.endsAt).toBe(firstDeadline + 400); // starts at the exact deadline, not when the timer fired
    expect(b.serverNow - firstDeadline).toBeLessThan(50);
    await waitFor(() => host.latest()?.phase?.over === true, 3000, 'phase c over');
    expect(host.latest()).toMatchObject({ status: 'running', phase: { id: 'c', endsAt: null, remainingMs: 0 } });
  });

  it('CP5 a restart resumes the running phase with the right remaining time, and catches up deadlines missed while down', async () => {
    const t = await start();
    const s = await session(t.url, 'quick', []);
    const host = client(t.url, s.hostToken);
    await waitFor(() => host.states.length > 0);
    await control(host.socket, { action: 'start' });
    await waitFor(() => host.latest()?.phase?.id === 'a');
    const deadline = host.latest()!.phase!.endsAt!;
    host.socket.disconnect();
    await t.stop({ keepData: true });
    servers.pop();
    // Phase a's deadline passes while down: the restarted server reads a clock 500 ms on.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 500);
    const again = await start({ DATA_DIR: t.dataDir });
    const back = client(again.url, s.hostToken);
    await waitFor(() => back.states.length > 0);
    const state = back.latest()!;
    expect(state.phase!.id).toBe('b');
    expect(state.phase!.endsAt).toBe(deadline + 400); // b started at a's deadline, as if nothing stopped
  });

  it('CP7 a paused run left by everyone is kept: the next person finds it exactly as it was', async () => {
    const t = await start();
    const s = await session(t.url, 'tuning', []);
    const host = client(t.url, s.hostToken);
    await waitFor(() => host.states.length > 0);
    await control(host.socket, { action: 'start' });
    const paused = await control(host.socket, { action: 'pause' });
    expect(paused.ok).toBe(true);
    const before = paused.ok ? paused.state : null;
    host.socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const back = client(t.url, s.hostToken);
    await waitFor(() => back.states.length > 0);
    expect(back.latest()).toMatchObject({ status: 'paused', phase: { remainingMs: before?.phase?.remainingMs } });
    // The facilitator's leaving and coming back were recorded (the seat is never grabbed meanwhile).
    expect(back.latest()!.version).toBeGreaterThan(before!.version);
    expect(await control(back.socket, { action: 'resume' })).toMatchObject({ ok: true, state: { status: 'running' } });
  });
});
