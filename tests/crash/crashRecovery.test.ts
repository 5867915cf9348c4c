/**
 * Crash recovery with the real server in a child process: `kill -9` after an edit loses nothing
 * that was committed, and a client that kept editing while the server was down resyncs its
 * changes when the server returns. SIGTERM flushes what was not yet committed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { controlAuth, ControlEvent, type ControlAck, type SessionState } from '@worktable/shared';
import { connectClient, createSessionWith, waitFor, type YClient } from '@worktable/server/testing';
import { fetchMetric } from '../support/prometheus.js';
import { REPO_ROOT, freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-crash-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  cleanup.push(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) return server.stop('SIGKILL');
  });
  return server;
}
function client(server: ServerProcess, sessionId: string, token: string): YClient {
  const c = connectClient(server.wsUrl, sessionId, 'table-1', token);
  cleanup.push(() => c.destroy());
  return c;
}

describe('crash recovery', () => {
  it('K1 kill -9 after committed edits loses nothing, and offline edits resync on reconnect', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) };
    let server = await start(env);
    const { session, members } = await createSessionWith(server.url, ['Ana', 'Ben']);
    const ana = client(server, session.sessionId, members[0]!.token);
    await ana.synced;
    const text = ana.doc.getText('t');
    for (const word of ['committed ', 'before ', 'the ', 'crash. ']) text.insert(text.length, word);
    // Wait until the server reports the edits committed (nothing pending), then pull the plug.
    const deadline = Date.now() + 5000;
    while ((await fetchMetric(server.url, 'worktable_persistence_updates_total')) < 4 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await fetchMetric(server.url, 'worktable_persistence_pending_updates')).toBe(0);
    expect(await server.stop('SIGKILL')).toBeNull();

    // Ana keeps working offline; her provider is paused so we can first check what storage kept.
    ana.provider.disconnect();
    text.insert(text.length, 'Written offline.');

    server = await start(env);
    const ben = client(server, session.sessionId, members[1]!.token);
    await ben.synced;
    expect(ben.doc.getText('t').toString()).toBe('committed before the crash. ');

    ana.provider.connect();
    await waitFor(() => ben.doc.getText('t').toString() === 'committed before the crash. Written offline.', 10_000, 'resync');
    expect(ana.doc.getText('t').toString()).toBe(ben.doc.getText('t').toString());
  });

  it('K2 SIGTERM flushes updates that were not yet committed and exits 0', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()), FLUSH_INTERVAL_MS: '100' };
    let server = await start(env);
    const { session, members } = await createSessionWith(server.url, ['Ana']);
    const ana = client(server, session.sessionId, members[0]!.token);
    await ana.synced;
    ana.provider.awareness.setLocalState(null);
    ana.doc.getText('t').insert(0, 'flushed on SIGTERM');
    await waitFor(() => ana.provider.ws?.bufferedAmount === 0, 2000, 'update sent');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const code = await server.stop('SIGTERM');
    expect(code, server.output()).toBe(0);
    ana.provider.disconnect();

    server = await start(env);
    const reader = client(server, session.sessionId, members[0]!.token);
    await reader.synced;
    expect(reader.doc.getText('t').toString()).toBe('flushed on SIGTERM');
  });

  it('K3 a bad configuration stops the server with a message naming the variable', async () => {
    await expect(startServerProcess({ PORT: 'eighty', DATA_DIR: tempDir() })).rejects.toThrow(/PORT: must be a whole number/);
  });
});

describe('protocol timers across a crash', () => {
  it('K5 kill -9 mid-phase: after restart the running phase has the right remaining time (± 250 ms)', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) };
    let server = await start(env);
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Tuning', protocol: 'tuning' }),
    });
    const { sessionId, hostToken } = (await created.json()) as { sessionId: string; hostToken: string };
    let socket = connectSocket(server.url, {
      auth: controlAuth(hostToken),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    cleanup.push(() => void socket.disconnect());
    await new Promise((resolve) => socket.once(ControlEvent.State, resolve));
    const ack = await new Promise<ControlAck>((resolve) => socket.emit(ControlEvent.Control, { action: 'start' }, resolve));
    expect(ack.ok).toBe(true);
    const endsAt = ack.ok ? (ack.state.phase?.endsAt ?? 0) : 0;
    expect(sessionId).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await server.stop('SIGKILL')).toBeNull();

    server = await start(env);
    socket = connectSocket(server.url, { auth: controlAuth(hostToken), transports: ['websocket'], reconnection: false, forceNew: true });
    cleanup.push(() => void socket.disconnect());
    const state = await new Promise<SessionState>((resolve) => socket.once(ControlEvent.State, resolve));
    expect(state.status).toBe('running');
    expect(state.phase?.endsAt).toBe(endsAt);
    expect(Math.abs((state.phase?.remainingMs ?? 0) - (endsAt - state.serverNow))).toBeLessThanOrEqual(250);
    expect(state.phase?.remainingMs).toBeGreaterThan(5 * 60_000 - 10_000);
  });
});

describe('backup', () => {
  it('K4 npm run backup copies a live store; the copy restores every session and document', async () => {
    const dataDir = tempDir();
    const server = await start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const { session, members } = await createSessionWith(server.url, ['Ana']);
    const ana = client(server, session.sessionId, members[0]!.token);
    await ana.synced;
    ana.doc.getText('t').insert(0, 'backed up');
    await waitFor(() => ana.provider.ws?.bufferedAmount === 0, 2000);
    const deadline = Date.now() + 5000;
    while ((await fetchMetric(server.url, 'worktable_persistence_updates_total')) < 1 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const copy = path.join(tempDir(), 'copy.sqlite');
    execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/backup.ts', copy], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    const restoredDir = tempDir();
    fs.copyFileSync(copy, path.join(restoredDir, 'worktable.sqlite'));
    fs.copyFileSync(path.join(dataDir, 'token-secret'), path.join(restoredDir, 'token-secret'));
    const restored = await start({ DATA_DIR: restoredDir, PORT: String(await freePort()) });
    const reader = client(restored, session.sessionId, members[0]!.token);
    await reader.synced;
    expect(reader.doc.getText('t').toString()).toBe('backed up');
  });
});
