/**
 * Node failure with real server processes on one PostgreSQL and one Redis: `kill -9` one node
 * while its clients edit — they reconnect to the other and every edit is in Postgres and in every
 * client (per-client ledgers); kill the node keeping a session's timers — the other advances the
 * phase at the deadline, exactly once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Advance, type HistoryLabel } from '@worktable/shared';
import {
  openControlClient,
  type ControlClient,
  TEST_REDIS_URL,
  createTestDatabase,
  dropTestDatabases,
  serviceAvailable,
  connectClient,
  createSessionWith,
  postJson,
  testPhase,
  testProtocol,
  waitFor,
  type YClient,
} from '@worktable/server/testing';
import { openPostgresStorage } from '@worktable/server/storage/postgres';
import { mergeYjsDocument } from '@worktable/server/storage/merge';
import { freePort, startServerProcess, type ServerProcess } from '../support/serverProcess.js';

const available = (await serviceAvailable('postgres')) && (await serviceAvailable('redis'));
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
afterAll(dropTestDatabases);

async function clusterEnv(): Promise<Record<string, string>> {
  const { url } = await createTestDatabase('wt_fail');
  return { DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL, TOKEN_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'info' };
}

async function nodeProcess(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-node-'));
  const server = await startServerProcess({ ...env, DATA_DIR: dataDir, PORT: String(await freePort()) });
  cleanup.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

function yClient(server: ServerProcess, sessionId: string, token: string, doc?: Y.Doc): YClient {
  const c = connectClient(server.wsUrl, sessionId, 'table-1', token, doc);
  cleanup.push(() => c.provider.destroy());
  return c;
}

function control(server: ServerProcess, token: string): ControlClient {
  const c = openControlClient(server.url, token);
  cleanup.push(() => c.close());
  return c;
}

/** Types `count` ledger entries `<who><n>;`, one update each. */
async function typeLedger(doc: Y.Doc, who: string, from: number, count: number): Promise<string[]> {
  const written: string[] = [];
  for (let i = from; i < from + count; i++) {
    const entry = `${who}${i};`;
    doc.getText('t').insert(doc.getText('t').length, entry);
    written.push(entry);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return written;
}

describe.skipIf(!available)('node failure', () => {
  it('NF1 kill -9 a node while its clients edit: they reconnect to the other; every edit is in Postgres and every client', async () => {
    const env = await clusterEnv();
    const [a, b] = [await nodeProcess(env), await nodeProcess(env)];
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben']);
    const anaDoc = new Y.Doc();
    const onA = yClient(a, session.sessionId, members[0]!.token, anaDoc);
    const onB = yClient(b, session.sessionId, members[1]!.token);
    await Promise.all([onA.synced, onB.synced]);
    const ledger: string[] = [];
    const benTyping = typeLedger(onB.doc, 'b', 0, 80).then((w) => ledger.push(...w));
    ledger.push(...(await typeLedger(anaDoc, 'a', 0, 40)));
    await a.stop('SIGKILL'); // mid-edit, nothing flushed on purpose
    // Ana keeps typing while disconnected, then her client reaches node B (as a load balancer would send it).
    ledger.push(...(await typeLedger(anaDoc, 'a', 40, 20)));
    onA.provider.destroy();
    const again = yClient(b, session.sessionId, members[0]!.token, anaDoc);
    await again.synced;
    ledger.push(...(await typeLedger(anaDoc, 'a', 60, 20)));
    await benTyping;
    const everything = (text: string) => ledger.every((entry) => text.includes(entry));
    await waitFor(
      () => everything(anaDoc.getText('t').toString()) && anaDoc.getText('t').toString() === onB.doc.getText('t').toString(),
      10_000,
      'both clients have every edit',
    );
    expect(ledger).toHaveLength(160);

    await new Promise((resolve) => setTimeout(resolve, 300)); // node B commits (50 ms group commit)
    const store = await openPostgresStorage(env.DATABASE_URL!);
    const stored = await store.loadDocument(`${session.sessionId}/table-1`);
    await store.close();
    const check = new Y.Doc();
    Y.applyUpdate(check, mergeYjsDocument(stored.snapshot, stored.updates));
    const inPostgres = check.getText('t').toString();
    expect(ledger.filter((entry) => !inPostgres.includes(entry))).toEqual([]);
    expect(inPostgres).toBe(anaDoc.getText('t').toString());
  }, 60_000);

  it('NF3 a third server process opening the document mid-edit misses nothing', async () => {
    const env = await clusterEnv();
    const [a, b] = [await nodeProcess(env), await nodeProcess(env)];
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben', 'Cy']);
    const onA = yClient(a, session.sessionId, members[0]!.token);
    const onB = yClient(b, session.sessionId, members[1]!.token);
    await Promise.all([onA.synced, onB.synced]);
    const ledger: string[] = [];
    const typing = Promise.all([typeLedger(onA.doc, 'a', 0, 100), typeLedger(onB.doc, 'b', 0, 100)]).then((parts) =>
      ledger.push(...parts.flat()),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const c = await nodeProcess(env); // a new process, started while both are typing
    const onC = yClient(c, session.sessionId, members[2]!.token);
    await onC.synced;
    await typing;
    const text = (client: YClient) => client.doc.getText('t').toString();
    await waitFor(
      () =>
        ledger.length === 200 && ledger.every((entry) => text(onC).includes(entry)) && text(onC) === text(onA) && text(onB) === text(onA),
      10_000,
      'the third process has every edit',
    );
  }, 60_000);

  it('NF2 kill the node keeping the timers: the other advances the phase at the deadline, exactly once', async () => {
    const env = await clusterEnv();
    const [a, b] = [await nodeProcess(env), await nodeProcess(env)];
    const protocol = testProtocol(
      'failover',
      ['a', 'b', 'c'].map((id) =>
        testPhase(id, { title: id.toUpperCase(), durationMs: 15_000, advance: id === 'c' ? Advance.Facilitator : Advance.Auto }),
      ),
      { summary: 'Two auto phases and a last one.' },
    );
    const created = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${a.url}/api/sessions`, {
      title: 'Failover',
      customProtocol: protocol,
    });
    const { sessionId, hostToken, inviteCode } = created.body;
    const joined = await postJson<{ token: string }>(`${a.url}/api/sessions/${sessionId}/join`, { inviteCode, name: 'Ben' });
    const host = control(a, hostToken); // node A takes the timers of this session
    await waitFor(() => host.states.length > 0);
    const ben = control(b, joined.body.token);
    await waitFor(() => ben.states.length > 0);
    const started = await host.send({ action: 'start' });
    expect(started.ok).toBe(true);
    const deadline = started.ok ? (started.state.phase?.endsAt as number) : 0;
    await waitFor(() => ben.latest()?.status === 'running', 5000, 'running on node B');
    await a.stop('SIGKILL');

    await waitFor(() => ben.latest()?.phase?.id === 'b', 25_000, 'node B advanced the phase');
    const changedAt = Date.now();
    const b1 = ben.latest()!;
    expect(b1.phase!.endsAt).toBe(deadline + 15_000); // started at the exact deadline, as if A never died
    expect(changedAt - deadline).toBeLessThan(9_000); // within the lease's takeover time
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ben.latest()!.phase!.id).toBe('b'); // not advanced twice
    const history = (await (
      await fetch(`${b.url}/api/sessions/${sessionId}/history`, { headers: { authorization: `Bearer ${hostToken}` } })
    ).json()) as { snapshots: { label: HistoryLabel }[] };
    expect(history.snapshots.filter((s) => s.label.phaseId === 'a')).toHaveLength(1);
    const phasesSeen = ben.states.map((s) => s.phase?.id).filter((id, i, all) => id !== all[i - 1]);
    expect(phasesSeen.slice(-2)).toEqual(['a', 'b']);
  }, 60_000);
});
