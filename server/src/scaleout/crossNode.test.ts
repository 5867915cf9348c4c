/**
 * Several server nodes on one real PostgreSQL and one real Redis: clients on different nodes
 * converge, a node opening a document mid-edit misses nothing, each update is stored once,
 * a Redis outage during edits heals by state vectors, and presence crosses nodes without anyone
 * on one node taking over a client of the other. (Node processes are in this process, each
 * a full server on its own port; the Redis of X3 is a redis-server this test starts and stops.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ONE_ADDRESS_ENV, TEST_REDIS_URL, createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
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

const available = (await serviceAvailable('postgres')) && (await serviceAvailable('redis'));
const servers: TestServer[] = [];
const clients: YClient[] = [];
const processes: ChildProcess[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the nodes see them leave
  for (const s of servers.splice(0)) await s.stop().catch(() => undefined);
  for (const p of processes.splice(0)) p.kill('SIGKILL');
});

afterAll(dropTestDatabases);

/** A fresh database and the env every node of one cluster shares. */
async function cluster(redisUrl = TEST_REDIS_URL): Promise<Record<string, string>> {
  const { url } = await createTestDatabase('wt_nodes');
  return { DATABASE_URL: url, REDIS_URL: redisUrl, TOKEN_SECRET: crypto.randomBytes(32).toString('hex'), ...ONE_ADDRESS_ENV };
}

async function node(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

function client(server: TestServer, sessionId: string, token: string): YClient {
  const c = connectClient(server.wsUrl, sessionId, 'table-1', token);
  clients.push(c);
  return c;
}

const text = (c: YClient) => c.doc.getText('t').toString();

/** Two nodes of a fresh cluster, a session of `names`, and the first two members' clients, one on each node, synced. */
async function twoNodesWithClients(names: string[]) {
  const env = await cluster();
  const [a, b] = [await node(env), await node(env)];
  const { session, members } = await createSessionWith(a.url, names);
  const onA = client(a, session.sessionId, members[0]!.token);
  const onB = client(b, session.sessionId, members[1]!.token);
  await Promise.all([onA.synced, onB.synced]);
  return { env, a, b, session, members, onA, onB };
}

/** Types `count` characters, one update each, every `everyMs`. */
async function type(c: YClient, prefix: string, count: number, everyMs = 5): Promise<void> {
  for (let i = 0; i < count; i++) {
    c.doc.getText('t').insert(c.doc.getText('t').length, `${prefix}${i % 10}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): ChildProcess {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  processes.push(child);
  return child;
}

describe.skipIf(!available)('several nodes', () => {
  it('X1 clients on two nodes converge; every update is stored once', async () => {
    const { env, a, b, session, onA, onB } = await twoNodesWithClients(['Ana', 'Ben']);
    await Promise.all([type(onA, 'a', 60), type(onB, 'b', 60)]);
    await waitFor(() => text(onA).length === 240 && text(onA) === text(onB), 5000, 'convergence');
    // Stored once: the log holds exactly the updates the clients sent (120), none twice.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM doc_updates WHERE doc_key = $1', [
      `${session.sessionId}/table-1`,
    ]);
    await db.end();
    expect(Number(rows[0]!.n)).toBe(120);
    const health = (await (await fetch(`${a.url}/healthz`)).json()) as { status: string; crossNode: { ok: boolean; duplicates: number } };
    // Duplicates (an update that reached a node twice, e.g. by the channel and by a catch-up) are harmless, only counted.
    expect(health).toMatchObject({ status: 'ok', crossNode: { ok: true } });
    expect(health.crossNode.duplicates).toBeLessThan(12);
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_cross_node_messages\{kind="received"\} [1-9]/);
  }, 30_000);

  it('X2 a third node opening the document mid-edit misses nothing', async () => {
    const { env, session, members, onA, onB } = await twoNodesWithClients(['Ana', 'Ben', 'Cy']);
    const typing = Promise.all([type(onA, 'a', 150, 4), type(onB, 'b', 150, 4)]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const c = await node(env); // starts while both are typing
    const onC = client(c, session.sessionId, members[2]!.token);
    await onC.synced;
    await typing;
    await waitFor(
      () => text(onA).length === 600 && text(onB) === text(onA) && text(onC) === text(onA),
      8000,
      'the third node caught up',
    ).catch((e: unknown) => {
      throw new Error(`${String(e)} A=${text(onA).length} B=${text(onB).length} C=${text(onC).length}`);
    });
  }, 30_000);

  it('X3 Redis stops for 5 s during edits and comes back: both nodes converge, health says degraded meanwhile', async () => {
    const port = await freePort();
    let redis = startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    await waitFor(() => false, 300, 'redis start').catch(() => undefined);
    const env = await cluster(redisUrl);
    const [a, b] = [await node(env), await node(env)];
    const { session, members } = await createSessionWith(a.url, ['Ana', 'Ben']);
    const onA = client(a, session.sessionId, members[0]!.token);
    const onB = client(b, session.sessionId, members[1]!.token);
    await Promise.all([onA.synced, onB.synced]);
    await type(onA, 'x', 10);
    await waitFor(() => text(onB).length === 20, 3000, 'sync before the outage');

    redis.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = Promise.all([type(onA, 'a', 40, 25), type(onB, 'b', 40, 25)]);
    await waitFor(() => false, 1000, '').catch(() => undefined);
    const degraded = (await (await fetch(`${a.url}/healthz`)).json()) as { status: string };
    expect(degraded.status).toBe('degraded');
    await during;
    expect(text(onA)).not.toBe(text(onB)); // they really were apart
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5000 - 1300)));

    redis = startRedis(port);
    await waitFor(() => text(onA) === text(onB) && text(onA).length === 180, 15_000, 'convergence after Redis returned').catch(
      async (e: unknown) => {
        const [ha, hb] = [await (await fetch(`${a.url}/healthz`)).text(), await (await fetch(`${b.url}/healthz`)).text()];
        throw new Error(`${String(e)} A=${text(onA).length} B=${text(onB).length} ${ha} ${hb}`);
      },
    );
    const healed = (await (await fetch(`${a.url}/healthz`)).json()) as { status: string };
    expect(healed.status).toBe('ok');
    // And the doc the nodes store is the same as the clients'.
    const check = new Y.Doc();
    const fresh = client(b, session.sessionId, members[1]!.token);
    await fresh.synced;
    Y.applyUpdate(check, Y.encodeStateAsUpdate(fresh.doc));
    expect(check.getText('t').toString()).toBe(text(onA));
  }, 40_000);

  it('X4 presence crosses nodes: set on one, seen on the other, never overwritten from there, gone on disconnect', async () => {
    const { b, session, members, onA, onB } = await twoNodesWithClients(['Ana', 'Ben', 'Mal']);
    const anaId = onA.doc.clientID;
    const nameOnB = () => (onB.provider.awareness.getStates().get(anaId) as { user?: { name?: string } } | undefined)?.user?.name;
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => nameOnB() === 'Ana', 5000, "Ana's presence on the other node");
    onB.provider.awareness.setLocalStateField('user', { name: 'Ben' });
    await waitFor(() => onA.provider.awareness.getStates().has(onB.doc.clientID), 5000, "Ben's presence on the first node");

    // On node B, Ana's state came from node A: a member there cannot overwrite it.
    const attacker = await openRawSocket(b.wsUrl, session.sessionId, 'table-1', members[2]!.token);
    const clock = onA.provider.awareness.meta.get(anaId)!.clock;
    attacker.send(
      awarenessMessage(
        { clientId: anaId, clock: clock + 1, state: { user: { name: 'Mal posing as Ana' } } },
        { clientId: 4242, clock: 1, state: { user: { name: 'Mal' } } },
      ),
    );
    await waitFor(() => onA.provider.awareness.getStates().has(4242), 5000, "Mal's own state, through both nodes");
    expect(nameOnB()).toBe('Ana');
    expect(onA.provider.awareness.getStates().get(anaId)).toEqual({ user: { name: 'Ana' } });
    expect(await (await fetch(`${b.url}/metrics`)).text()).toMatch(/^worktable_limited_total\{limit="awareness_foreign"\} 1$/m);
    attacker.close();

    onA.provider.disconnect();
    await waitFor(() => nameOnB() === undefined, 5000, "Ana's presence removed on the other node");
  }, 30_000);

  it("X5 a node stopping gracefully takes its clients' presence with it, so a client moving to the other node shows there again at once", async () => {
    const { a, b, onA, onB } = await twoNodesWithClients(['Ana', 'Ben']);
    const anaId = onA.doc.clientID;
    const nameOnB = () => (onB.provider.awareness.getStates().get(anaId) as { user?: { name?: string } } | undefined)?.user?.name;
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await waitFor(() => nameOnB() === 'Ana', 5000, "Ana's presence on the other node");

    onA.provider.serverUrl = `${b.wsUrl}/yjs`; // where her client reconnects, as behind a load balancer
    servers.splice(servers.indexOf(a), 1);
    const stopped = performance.now();
    await a.stop();
    await waitFor(() => nameOnB() === undefined, 5000, "Ana's presence gone with her node");
    const goneMs = performance.now() - stopped;
    await waitFor(() => onA.provider.wsconnected, 10_000, 'Ana reconnected to the other node');
    // Until now node B held her state from node A; had it not been removed, her client id would still be another node's there.
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana, moved' });
    await waitFor(() => nameOnB() === 'Ana, moved', 5000, 'Ana present through the other node');
    expect(goneMs).toBeLessThan(5000);
  }, 30_000);
});
