/**
 * The relay opens only the documents a session has, against a real server on port 0: with one
 * member's token, 300 made-up document names are all refused (404 before the WebSocket
 * handshake, nothing loaded or stored), while the tables', the plenary's and the member's own
 * private document open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TABLES, PLENARY_DOC, documentAccess, privateDocName, seededRandom, tableIdentity } from '@worktable/shared';
import { createSessionWith, startTestServer, upgradeStatus, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

/** `count` random names of the shape document names have (1–64 of `[A-Za-z0-9_-]`), none of a real document's form. */
function madeUpNames(count: number): string[] {
  const random = seededRandom(0xd0c5); // seeded, so a failure replays exactly
  const names = new Set<string>();
  while (names.size < count) {
    const length = 1 + Math.floor(random() * 40);
    const name = Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
    if (!/^(table-|private-|plenary$)/.test(name)) names.add(name);
  }
  return [...names];
}

describe('document names', () => {
  it('DN1 one token, 300 made-up names: every one refused with 404 and nothing loaded; the session’s own documents still open', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const url = (docName: string, token = ana.token) =>
      `${t!.wsUrl}/yjs/${session.sessionId}/${docName}?token=${encodeURIComponent(token)}`;
    // Near misses of real names, then random ones.
    const nearMisses = [
      'table-0',
      `table-${MAX_TABLES + 1}`,
      'table-01',
      'table-1000',
      'table-',
      'Table-1',
      'plenary2',
      'Plenary',
      `private-table-0-${ana.participantId}`,
      `private-table-${MAX_TABLES + 1}-${ana.participantId}`,
      `private-x-${ana.participantId}`,
      'private-',
    ];
    const names = [...nearMisses, ...madeUpNames(300 - nearMisses.length)];
    expect(names).toHaveLength(300);
    for (const name of names) expect(documentAccess(name, ana.participantId)).toBe('not_found');

    const started = performance.now();
    const statuses = [];
    for (const name of names) statuses.push(await upgradeStatus(url(name)));
    const perRefusalMs = (performance.now() - started) / names.length;
    console.info(
      `document names: ${statuses.filter((s) => s === 404).length} of ${names.length} refused, ${perRefusalMs.toFixed(1)} ms each; rooms loaded ${t.server.relay.stats().rooms}`,
    );
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect(t.server.relay.stats().rooms).toBe(0);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_errors_total\{kind="refused_404"\} 300\b/);

    // The session's documents: its tables (up to MAX_TABLES), the plenary, one's own private writing.
    for (const name of [tableIdentity(0).id, tableIdentity(MAX_TABLES - 1).id, PLENARY_DOC, privateDocName('table-1', ana.participantId)]) {
      expect(await upgradeStatus(url(name)), name).toBe(101);
    }
    // Someone else's private writing stays theirs (403, as before).
    expect(await upgradeStatus(url(privateDocName('table-1', ben.participantId)))).toBe(403);
    // A made-up name with a bad token is still a 401 first (nothing is told about names).
    expect(await upgradeStatus(url('anything', `${ana.token}x`))).toBe(401);
  }, 60_000);
});
