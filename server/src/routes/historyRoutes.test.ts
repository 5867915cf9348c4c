/**
 * History with a real server, real socket.io and y-websocket clients and a real SQLite file: a
 * snapshot of the table at the end of each phase (by the facilitator or by the deadline),
 * labelled, served to members only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Advance, builtInProtocol, type HistoryLabel } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { testPhase, testProtocol } from '../testing/fixtures.js';
import { connectClient, createSessionWith, postJson, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

const short = testProtocol('short', [
  testPhase('write'),
  testPhase('discuss', { durationMs: 300, advance: Advance.Auto }),
  testPhase('close'),
]);

let t: TestServer | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = undefined;
});

interface Listed {
  snapshots: { snapshotId: number; docName: string; label: HistoryLabel; createdAt: number; bytes: number }[];
}

async function list(url: string, sessionId: string, token: string): Promise<{ status: number; body: Listed }> {
  const response = await fetch(`${url}/api/sessions/${sessionId}/history?doc=table-1`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Listed };
}

describe('history', () => {
  it('H1 keeps the table as it was at the end of each phase, labelled, whether the facilitator or the deadline ended it', async () => {
    t = await startTestServer({}, { findProtocol: (id) => (id === 'short' ? short : builtInProtocol(id)) });
    const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${t.url}/api/sessions`, {
      title: 'History',
      protocol: 'short',
    });
    const { sessionId, hostToken } = created.body;
    const host = openControlClient(t.url, hostToken);
    clients.push(host);
    await waitFor(() => host.states.length > 0);
    const table = connectClient(t.wsUrl, sessionId, 'table-1', hostToken);
    await table.synced;
    await host.send({ action: 'start' });
    table.doc.getMap('notes').set('first', 'written during Write');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await host.send({ action: 'next' })).ok).toBe(true); // Write → Discuss (facilitator)
    await waitFor(() => host.latest()?.phase?.id === 'close', 3000, 'Discuss ended by its deadline');
    table.doc.getMap('notes').set('second', 'written during Close');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await host.send({ action: 'next' })).ok).toBe(true); // Close → done

    let listed: Listed = { snapshots: [] };
    for (let i = 0; i < 50 && listed.snapshots.length < 3; i++) {
      listed = (await list(t.url, sessionId, hostToken)).body;
      if (listed.snapshots.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(listed.snapshots.map((s) => s.label.phaseId)).toEqual(['write', 'discuss', 'close']);
    expect(listed.snapshots[0]!.label).toMatchObject({
      tableId: 'table-1',
      protocolId: 'short',
      phaseTitle: 'Write',
      phaseIndex: 0,
      round: 0,
      roles: { facilitator: expect.any(String) as string },
    });

    const stateOf = async (snapshotId: number) => {
      const response = await fetch(`${t!.url}/api/sessions/${sessionId}/history/${snapshotId}`, {
        headers: { authorization: `Bearer ${hostToken}` },
      });
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
      return doc.getMap('notes').toJSON();
    };
    expect(await stateOf(listed.snapshots[0]!.snapshotId)).toEqual({ first: 'written during Write' });
    expect(await stateOf(listed.snapshots[2]!.snapshotId)).toEqual({ first: 'written during Write', second: 'written during Close' });
    table.destroy();
  });

  it('H2 serves history to members of the session only, with clear errors', async () => {
    t = await startTestServer();
    const a = await createSessionWith(t.url, ['Ana']);
    const b = await createSessionWith(t.url, ['Ben']);
    const url = `${t.url}/api/sessions/${a.session.sessionId}/history`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${b.members[0]!.token}` } })).status).toBe(403);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${a.members[0]!.token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ snapshots: [] });
    expect((await fetch(`${url}?doc=../../etc`, { headers: { authorization: `Bearer ${a.members[0]!.token}` } })).status).toBe(400);
    const missing = await fetch(`${url}/999`, { headers: { authorization: `Bearer ${a.members[0]!.token}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no such snapshot in this session' } });
    expect((await fetch(`${url}/abc`, { headers: { authorization: `Bearer ${a.members[0]!.token}` } })).status).toBe(400);
  });
});
