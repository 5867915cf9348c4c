/**
 * FT2 — reconnect storm. N stock y-websocket providers in 50 rooms are connected; the server is
 * restarted (SIGTERM, then a new process on the same port and data folder). Measured: how long it
 * is down, when each client tries again (the provider's backoff), the time from the new process
 * listening until every client has resynced (its `sync` event) and until a probe edit typed in
 * every room afterwards has reached everyone, and the new server's resident memory during the storm
 * (VmRSS from /proc, sampled every 25 ms). Nothing typed before the restart may be missing.
 *
 * The provider (y-websocket 3.1.0) retries after min(100 ms · 2^n, 2500 ms), n counting failed
 * attempts since the last sync: 200, 400, 800, 1600, 2500, 2500… — without jitter, so every client
 * dropped at the same moment retries in the same millisecond. The test asserts the backoff and
 * reports the spread of the clients' retry times.
 *
 * Short (npm test): 100 clients, restarted at once. Long (npm run test:faults): 1,000 clients, the
 * server down for 4 s more so that they return in one wave at the provider's 2.5 s cap.
 */
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/serverProcess.js';
import { report, rssMiB, sampleRss, scale, sleep, startServer, tempDir, typedEntries, useCleanup, waitUntil } from './faultSupport.js';
import { connectRooms, createRooms, roomsProblem, typeEntry, type LedgerClient } from './ledger.js';

useCleanup();

const ROOMS = 50;
const PER_ROOM = scale(2, 20);
/** Bound on "new process listening → every client resynced", chosen from measurement (see docs/RELIABILITY.md). */
const RESYNC_BOUND_MS = scale(6000, 10_000);
/** Bound on the new server's peak RSS during the storm. */
const RSS_BOUND_MIB = scale(250, 400);
/**
 * Extra time the server stays down. Long: 4 s, so the clients reach the provider's 2.5 s cap and
 * come back in one wave against a freshly started process.
 */
const EXTRA_DOWN_MS = scale(0, 4000);

describe('faults: reconnect storm', () => {
  it(
    `FT2 restart under ${ROOMS * PER_ROOM} connected clients: all resync within the bound, memory stays bounded, clients back off`,
    async () => {
      const dataDir = tempDir();
      const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
      let server = await startServer(env);
      const rooms = await createRooms(server.url, ROOMS, PER_ROOM);
      const clients = connectRooms(server.wsUrl, rooms);
      await Promise.all(clients.map((c) => c.synced));
      for (const client of clients) for (let i = 0; i < 3; i++) typeEntry(client);
      await waitUntil(() => roomsProblem(rooms) === null, 30_000, 'rooms to converge before the restart', 50);
      await sleep(300); // committed (50 ms group commit)
      const rssBeforeMiB = rssMiB(server.child.pid!);

      // Every connection attempt and every completed sync, per client, from the stop on.
      const attempts = new Map<LedgerClient, number[]>();
      const resynced = new Map<LedgerClient, number>();
      for (const client of clients) {
        attempts.set(client, []);
        client.provider.on('status', ({ status }: { status: string }) => {
          if (status === 'connecting') attempts.get(client)!.push(Date.now());
        });
        client.provider.on('sync', (synced: boolean) => {
          if (synced && !resynced.has(client)) resynced.set(client, Date.now());
        });
      }

      const stoppedAt = Date.now();
      expect(await server.stop('SIGTERM'), server.output()).toBe(0);
      await sleep(EXTRA_DOWN_MS);
      server = await startServer(env);
      const listeningAt = Date.now();
      const rss = sampleRss(server.child.pid!);
      await waitUntil(() => resynced.size === clients.length, 60_000, 'every client to resync', 5);
      const allResyncedAt = Math.max(...resynced.values());

      // A probe typed in every room now reaches every client of the room.
      const probeAt = Date.now();
      const probes = rooms.map((room) => typeEntry(room.clients[0]!, '-probe'));
      await waitUntil(() => rooms.every((room, i) => room.clients.every((c) => c.doc.getText('t').toString().includes(probes[i]!))), 30_000, 'the probes', 5);
      const probeMs = Date.now() - probeAt;
      await sleep(500);
      const memory = rss.stop();
      expect(roomsProblem(rooms)).toBeNull();
      expect(typedEntries(clients)).toBe(clients.length * 3 + ROOMS);

      // Backoff: each client waited longer before each new attempt.
      const firstRetries: number[] = [];
      let attemptsTotal = 0;
      for (const [client, times] of attempts) {
        attemptsTotal += times.length;
        expect(times.length, client.name).toBeGreaterThan(0);
        firstRetries.push(times[0]! - stoppedAt);
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i]!, `${client.name} gaps ${gaps.join(',')}`).toBeGreaterThanOrEqual(gaps[i - 1]! * 0.9);
      }
      firstRetries.sort((a, b) => a - b);
      const resyncMs = allResyncedAt - listeningAt;
      const figures = {
        clients: clients.length,
        rooms: ROOMS,
        downMs: listeningAt - stoppedAt,
        resyncAfterListeningMs: resyncMs,
        resyncAfterStopMs: allResyncedAt - stoppedAt,
        firstToLastResyncMs: allResyncedAt - Math.min(...resynced.values()),
        probeReachedEveryoneMs: probeMs,
        connectionAttempts: attemptsTotal,
        firstRetryAfterStopMs: { min: firstRetries[0], median: firstRetries[Math.floor(firstRetries.length / 2)], max: firstRetries.at(-1) },
        rssBeforeMiB: Math.round(rssBeforeMiB),
        rssPeakDuringStormMiB: memory.peakMiB,
        rssAfterMiB: memory.lastMiB,
        bounds: { resyncMs: RESYNC_BOUND_MS, rssMiB: RSS_BOUND_MIB },
        updatesLost: 0,
      };
      report('FT2', figures);
      expect(resyncMs, JSON.stringify(figures)).toBeLessThanOrEqual(RESYNC_BOUND_MS);
      expect(memory.peakMiB, JSON.stringify(figures)).toBeLessThanOrEqual(RSS_BOUND_MIB);
    },
    scale(60_000, 240_000),
  );
});
