/** socket.io shares the HTTP server with the y-websocket relay and authenticates with `auth: { token, contract }` (`controlAuth`). */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { CONTROL_CONTRACT, ControlAuthError, controlAuth, ControlEvent, type WelcomePayload } from '@worktable/shared';
import { connectClient, createSessionWith, startTestServer, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t?.stop();
});

function open(url: string, token: unknown, transports: string[] = ['websocket']): Socket {
  const socket = connectSocket(url, { auth: { token, contract: CONTROL_CONTRACT }, transports, reconnection: false, forceNew: true });
  sockets.push(socket);
  return socket;
}

describe('control plane', () => {
  it('S1 welcomes an authenticated socket over websocket and polling, next to a live y-websocket', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const yjs = connectClient(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await yjs.synced;
    for (const transports of [['websocket'], ['polling']]) {
      const socket = open(t.url, members[0]!.token, transports);
      const welcome = await new Promise<WelcomePayload>((resolve) => socket.on(ControlEvent.Welcome, resolve));
      expect(welcome).toMatchObject({ sessionId: session.sessionId, participantId: members[0]!.participantId, role: 'participant' });
      expect(Math.abs(welcome.serverNow - Date.now())).toBeLessThan(5000);
    }
    expect(yjs.provider.wsconnected).toBe(true);
    yjs.destroy();
  });

  it('S2 refuses a missing or forged token with connect_error', async () => {
    t = await startTestServer();
    const { session } = await createSessionWith(t.url);
    for (const token of [undefined, 42, 'forged.token', `${session.hostToken}x`]) {
      const socket = open(t.url, token);
      const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
      expect(error.message).toBe('unauthorized');
    }
  });

  it('S2b tells a client of another contract (a page older than the server) to reload, whatever its token', async () => {
    t = await startTestServer();
    const { session } = await createSessionWith(t.url);
    const current = controlAuth(session.hostToken);
    for (const auth of [
      { token: session.hostToken },
      { ...current, contract: CONTROL_CONTRACT - 1 },
      { ...current, contract: String(CONTROL_CONTRACT) },
    ]) {
      const socket = connectSocket(t.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
      expect(error.message).toBe(ControlAuthError.Outdated);
    }
    // The same token with this build's contract is welcome.
    const socket = connectSocket(t.url, { auth: current, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.on(ControlEvent.Welcome, () => resolve()));
  });

  it('S3 welcomes with a stable pseudonym that does not reveal who it is', async () => {
    t = await startTestServer();
    const { members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const welcome = async (token: string) => {
      const socket = open(t!.url, token);
      return new Promise<WelcomePayload>((resolve) => socket.on(ControlEvent.Welcome, resolve));
    };
    const [ana1, ana2, ben] = [await welcome(members[0]!.token), await welcome(members[0]!.token), await welcome(members[1]!.token)];
    expect(ana1.pseudonym).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ana2.pseudonym).toBe(ana1.pseudonym);
    expect(ben.pseudonym).not.toBe(ana1.pseudonym);
    expect(ana1.pseudonym).not.toContain(members[0]!.participantId);
  });
});
