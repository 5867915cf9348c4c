/**
 * FT1 — kill -9 under load. Clients in 50 rooms keep typing ledger entries; the server process is
 * killed with SIGKILL mid-load (group commits in flight), the clients keep typing while it is down,
 * and it is restarted on the same port and data folder. The stock y-websocket providers reconnect
 * by themselves. Afterwards every client of a room holds the same text, the text is exactly the
 * union of the room's ledgers (nothing lost, nothing doubled), and after a final SIGTERM the
 * SQLite file holds that very text for every room.
 *
 * Short (npm test): 100 clients (2 per room), one kill. Long (npm run test:faults): 1,000 clients
 * (20 per room), three kills, the second one while the clients are still resyncing from the first.
 */
import { describe, expect, it } from 'vitest';
import { fetchMetric } from '../support/prometheus.js';
import { freePort } from '../support/serverProcess.js';
import { report, running, scale, sleep, startServer, tempDir, useCleanup, waitUntil } from './faultSupport.js';
import { connectRooms, createRooms, ledgerProblem, roomKey, roomLedger, roomsProblem, startTyping, storedTexts } from './ledger.js';

useCleanup();

const ROOMS = 50;
const PER_ROOM = scale(2, 20);
const TYPE_EVERY_MS = scale(200, 1000);
/** Typing time before each kill; the long version's second kill hits the reconnect storm of the first. */
const KILL_AFTER_MS = scale([1500], [6000, 300, 4000]);
const AFTER_LAST_RESTART_MS = scale(1500, 6000);

describe('faults: kill -9 under load', () => {
  it(
    `FT1 kill -9 while ${ROOMS * PER_ROOM} clients in ${ROOMS} rooms type: after restart every client and the stored document hold every ledger entry`,
    async () => {
      const dataDir = tempDir();
      const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
      let server = await startServer(env);
      const rooms = await createRooms(server.url, ROOMS, PER_ROOM);
      const clients = connectRooms(server.wsUrl, rooms);
      await Promise.all(clients.map((c) => c.synced));
      const typed = () => clients.reduce((n, c) => n + c.ledger.length, 0);

      const typing = startTyping(clients, TYPE_EVERY_MS);
      const kills: { uncommittedAtKill: number; typedWhileDown: number; downMs: number; resyncedAfterListeningMs: number | null }[] = [];
      let lastSync = new Map<string, number>();
      for (const typeFor of KILL_AFTER_MS) {
        await sleep(typeFor);
        const uncommittedAtKill = await fetchMetric(server.url, 'worktable_persistence_pending_updates');
        const typedAtKill = typed();
        const killedAt = Date.now();
        const resynced = new Map<string, number>();
        for (const client of clients) {
          client.provider.on('sync', (synced: boolean) => {
            if (synced && !resynced.has(client.name)) resynced.set(client.name, Date.now());
          });
        }
        expect(await server.stop('SIGKILL')).toBeNull();
        server = await startServer(env);
        const listeningAt = Date.now();
        kills.push({
          uncommittedAtKill,
          typedWhileDown: typed() - typedAtKill,
          downMs: listeningAt - killedAt,
          resyncedAfterListeningMs: null,
        });
        lastSync = resynced;
        void waitUntil(() => resynced.size === clients.length, 120_000, 'resync', 20).then(
          () => (kills.at(-1)!.resyncedAfterListeningMs = Math.max(...resynced.values()) - listeningAt),
          () => undefined,
        );
      }
      await sleep(AFTER_LAST_RESTART_MS);
      typing.stop();
      const stoppedTypingAt = Date.now();

      await waitUntil(
        () => clients.every((c) => c.provider.synced) && roomsProblem(rooms) === null,
        scale(20_000, 90_000),
        'every room to converge',
        100,
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${roomsProblem(rooms) ?? 'some clients not synced'}`);
      });
      const convergedAt = Date.now();
      expect(lastSync.size).toBe(clients.length);

      // Stop gracefully and read what the SQLite file holds.
      for (const client of clients) client.provider.disconnect();
      expect(await server.stop('SIGTERM'), server.output()).toBe(0);
      expect(running(server)).toBe(false);
      const stored = await storedTexts(dataDir, rooms.map(roomKey));
      for (const room of rooms) {
        const text = stored.get(roomKey(room)) ?? '';
        expect(text, `room ${room.index}: stored text differs from the clients'`).toBe(room.clients[0]!.doc.getText('t').toString());
        expect(ledgerProblem(text, roomLedger(room)), `room ${room.index}`).toBeNull();
      }

      report('FT1', {
        clients: clients.length,
        rooms: ROOMS,
        entriesTyped: typed(),
        kills,
        convergedAfterTypingStoppedMs: convergedAt - stoppedTypingAt,
        updatesLost: 0,
        duplicated: 0,
        storedEqualsClients: true,
        serverCrashes: 0,
      });
    },
    scale(60_000, 300_000),
  );
});
