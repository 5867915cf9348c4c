/**
 * PostgreSQL unreachable (a real network cut: the server reaches the real Postgres through a TCP
 * proxy the test can cut): writes wait in memory and are retried; beyond MAX_PENDING_BYTES new
 * writes are refused with close code 4503 instead of held without bound; /healthz says why; when
 * Postgres is reachable again everything waiting is stored.
 */
import net from 'node:net';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@worktable/shared';
import { createTestDatabase, dropTestDatabases, serviceAvailable } from '../testing/services.js';
import { connectClient, createSessionWith, startTestServer, waitFor } from '../testing/testServer.js';
import { openPostgresStorage } from './postgresStorage.js';
import { mergeYjsDocument } from './mergeDocument.js';

const available = await serviceAvailable('postgres');

/** A TCP proxy to Postgres that can be cut and restored. */
async function cuttableProxy(target: URL): Promise<{ port: number; cut(): void; restore(): void; close(): void }> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    if (!open) return inbound.destroy();
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

afterAll(dropTestDatabases);

describe.skipIf(!available)('postgres outage', () => {
  it('PO1 queues writes in memory up to a bound, refuses beyond it with 4503, says why, and stores everything when Postgres returns', async () => {
    const direct = new URL((await createTestDatabase('wt_outage')).url);
    const proxy = await cuttableProxy(direct);
    const viaProxy = new URL(direct.toString());
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const t = await startTestServer({ DATABASE_URL: viaProxy.toString(), MAX_PENDING_BYTES: '64kb' });
    try {
      const { session, members } = await createSessionWith(t.url, ['Ana']);
      const client = connectClient(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
      await client.synced;
      client.doc.getText('t').insert(0, 'before;');

      proxy.cut();
      for (let i = 0; i < 10; i++) {
        client.doc.getText('t').insert(client.doc.getText('t').length, `during${i};`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await waitFor(() => t.server.persistence.failing, 5000, 'storage failing');
      const health = await fetch(`${t.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'unavailable',
        storage: { engine: 'postgres', ok: false, failing: true, error: expect.stringMatching(/storage unreachable/) as string },
      });
      expect(t.server.persistence.pendingUpdates).toBeGreaterThan(0);

      // Beyond the bound: refused with 4503, alone (the server stays up).
      const closed = new Promise<number>((resolve) =>
        client.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
      );
      client.doc.getText('t').insert(client.doc.getText('t').length, `big:${'x'.repeat(80 * 1024)};`);
      expect(await closed).toBe(CloseCode.Unavailable);
      expect(t.server.persistence.pendingBytes).toBeLessThan(64 * 1024);

      proxy.restore();
      await waitFor(
        () => !t.server.persistence.failing && t.server.persistence.pendingUpdates === 0,
        15_000,
        'stored after Postgres returned',
      );
      // The client reconnects by itself and sends what was refused: wait until the server has it all.
      const onServer = () => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').toString();
      await waitFor(
        () => onServer() === client.doc.getText('t').toString() && t.server.persistence.pendingUpdates === 0,
        15_000,
        'the refused edit sent again',
      );
      await t.server.persistence.flush();
      const store = await openPostgresStorage(direct.toString());
      const stored = await store.loadDocument(`${session.sessionId}/table-1`);
      await store.close();
      const check = new Y.Doc();
      Y.applyUpdate(check, mergeYjsDocument(stored.snapshot, stored.updates));
      expect(check.getText('t').toString()).toBe(client.doc.getText('t').toString());
      expect(check.getText('t').toString()).toContain('during9;');
      expect(check.getText('t').toString()).toContain('big:');
      client.destroy();
    } finally {
      await t.stop();
      proxy.close();
    }
  }, 40_000);
});
