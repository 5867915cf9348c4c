/**
 * No tokens, invite codes, record links or content in the logs: a scripted session against the real server
 * process at debug level (everything it can log), then the whole log is searched.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openControlClient, connectClient, createSessionWith, upgradeStatus, waitFor, onePixelPng } from '@worktable/server/testing';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

let server: ServerProcess | undefined;
let dataDir = '';
afterEach(async () => {
  await server?.stop('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('logs', () => {
  it('L1 hold no token, invite code, record link, secret or content, even at debug level', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-logs-'));
    const secret = crypto.randomBytes(32).toString('hex');
    server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'debug', TOKEN_SECRET: secret });
    const { session, members } = await createSessionWith(server.url, ['Ana Private']);
    const content = 'My unfinished grading rubric draft';
    await fetch(`${server.url}/join/${session.sessionId}?code=${session.inviteCode}`); // the join page, with its code in the URL
    await fetch(`${server.url}/s/${session.sessionId}`);
    await fetch(`${server.url}/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${members[0]!.token}` } });
    await fetch(`${server.url}/api/sessions/${session.sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inviteCode: session.inviteCode, name: 'Second' }),
    });
    await fetch(`${server.url}/api/sessions/${session.sessionId}/uploads?name=photo.png`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.hostToken}` },
      body: Buffer.from(onePixelPng()),
    });
    const table = connectClient(server.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    await table.synced;
    table.doc.getText('t').insert(0, content);
    const map = table.doc.getMap('artifacts');
    map.set('x', new Y.Map());
    const control = openControlClient(server.url, session.hostToken);
    await waitFor(() => control.states.length > 0);
    await control.send({ action: 'broadcast', message: 'Secret broadcast words' });
    await control.send({ action: 'start' });
    // Refusals are logged: with a forged token.
    expect(await upgradeStatus(`${server.wsUrl}/yjs/${session.sessionId}/table-1?token=${session.hostToken}x`)).toBe(401);
    table.doc.getText('t').insert(0, 'x'.repeat(10)); // more traffic
    await fetch(`${server.url}/api/sessions/${session.sessionId}/export?format=md`, {
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    // A read-only record link: made, read, revoked, read again (410) — its id is a secret too.
    const made = await fetch(`${server.url}/api/sessions/${session.sessionId}/record-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.hostToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ timeZone: 'UTC' }),
    });
    const link = (await made.json()) as { linkId: string; url: string };
    await fetch(link.url);
    await fetch(`${server.url}/api/sessions/${session.sessionId}/record-links/${link.linkId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    await fetch(link.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    control.close();
    table.destroy();
    const stopped = server;
    await stopped.stop('SIGTERM');
    server = undefined;
    const output = stopped.output();
    expect(output).toContain(`/join/${session.sessionId}`); // requests are logged (their path only)
    expect(output).toContain('/records/[record-link]');
    for (const [what, value] of Object.entries({
      hostToken: session.hostToken,
      participantToken: members[0]!.token,
      signature: session.hostToken.split('.')[1]!,
      inviteCode: session.inviteCode,
      secret,
      content,
      broadcast: 'Secret broadcast words',
      recordLink: link.linkId.slice(2),
    })) {
      expect(output.includes(value), `${what} must not be in the logs`).toBe(false);
    }
  });
});
