/**
 * The relay against a real server on port 0, a real SQLite file and stock y-websocket clients:
 * frames of every size, a restart, and a document's life (unload, reload, compaction, merged
 * broadcasts, graceful stop). What the relay refuses is in `relayGuards.test.ts`; convergence,
 * separate documents and read-only observers run without a socket in `relayInMemory.test.ts`.
 * Test names carry the behaviour they pin down.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSessionWith, openRawSocket, waitFor, type YClient } from '../testing/testServer.js';
import { decodeMessage, encodeSyncUpdate } from './messages.js';
import { relayTestFleet, storedText } from './relayTestFleet.js';

const { start, connect, restart } = relayTestFleet();

describe('sync', () => {
  it('R1b broadcasts of every frame size (short, 16-bit and 64-bit lengths) arrive intact', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const [a, b, c] = members.map((m) => connect(t, session.sessionId, 'table-1', m.token)) as [YClient, YClient, YClient];
    await Promise.all([a.synced, b.synced, c.synced]);
    let expected = '';
    for (const size of [1, 100, 300, 70_000, 200_000]) {
      const chunk = String.fromCharCode(97 + (size % 26)).repeat(size);
      a.doc.getText('t').insert(a.doc.getText('t').length, chunk);
      expected += chunk;
    }
    await waitFor(() => b.doc.getText('t').length === expected.length && c.doc.getText('t').length === expected.length);
    expect(b.doc.getText('t').toString()).toBe(expected);
    expect(c.doc.getText('t').toString()).toBe(expected);
  });

  it('R2 a client joining after a restart gets the state from storage', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await a.synced;
    a.doc.getText('t').insert(0, 'kept across restarts');
    await waitFor(() => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').length === 20);
    a.destroy();
    const restarted = await restart(t);
    const late = connect(restarted, session.sessionId, 'table-1', members[0]!.token);
    await late.synced;
    expect(late.doc.getText('t').toString()).toBe('kept across restarts');
  });
});

describe('lifecycle', () => {
  it('R11 a document unloads after its last client leaves, and reloads intact', async () => {
    const t = await start({ DOC_UNLOAD_GRACE_MS: '50' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await a.synced;
    a.doc.getText('t').insert(0, 'before unload');
    await waitFor(() => t.server.relay.loadedRoom(key)?.doc.getText('t').length === 13);
    a.destroy();
    await waitFor(() => t.server.relay.stats().rooms === 0, 5000, 'unload');
    expect(t.server.relay.stats().connections).toBe(0);
    // Compacted on unload; the merge runs on a worker thread and may end after the room is gone.
    let stored = await t.server.storage.loadDocument(key);
    for (
      const deadline = Date.now() + 5000;
      stored.updates.length > 0 && Date.now() < deadline;
      stored = await t.server.storage.loadDocument(key)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(stored.updates).toHaveLength(0);
    const again = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await again.synced;
    expect(again.doc.getText('t').toString()).toBe('before unload');
  });

  it('R12 a client that reconnects during the grace period finds the document still loaded', async () => {
    const t = await start({ DOC_UNLOAD_GRACE_MS: '2000' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await a.synced;
    const room = t.server.relay.loadedRoom(key);
    a.destroy();
    const b = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await b.synced;
    expect(t.server.relay.loadedRoom(key)).toBe(room);
  });

  it('R13 compaction past the threshold keeps the content identical', async () => {
    const t = await start({ COMPACT_AFTER_UPDATES: '20' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await a.synced;
    const text = a.doc.getText('t');
    for (let i = 0; i < 100; i++) {
      text.insert(text.length, `${i % 10}`);
      if (i % 7 === 0) text.delete(0, 1);
      a.doc.getMap('m').set(`k${i % 5}`, i);
    }
    await waitFor(() => t.server.relay.loadedRoom(key)?.doc.getText('t').toString() === text.toString());
    await t.server.persistence.flush();
    await waitFor(() => t.server.relay.loadedRoom(key)!.logLength < 20, 5000, 'compaction');
    const stored = await t.server.storage.loadDocument(key);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(20);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, stored.snapshot!);
    for (const u of stored.updates) Y.applyUpdate(replay, u);
    expect(replay.getText('t').toString()).toBe(text.toString());
    expect(replay.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON());
  });

  it('R14 the awareness of a dropped client is cleared for the others', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    const b = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const anaId = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().has(anaId), 5000, 'presence');
    (a.provider.ws as unknown as { terminate?: () => void; close: () => void } | null)?.close();
    a.provider.shouldConnect = false;
    await waitFor(() => !b.provider.awareness.getStates().has(anaId), 5000, 'presence cleared');
  });

  it('R14c updates read in one turn leave as one merged message that holds them all', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const writer = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const watcher = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[1]!.token);
    const updates: Uint8Array[] = [];
    let messages = 0;
    watcher.on('message', (data: Buffer) => {
      const decoded = decodeMessage(new Uint8Array(data));
      if (decoded.type !== 'sync-update') return;
      messages++;
      updates.push(decoded.update);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(encodeSyncUpdate(update)));
    for (const word of ['one ', 'two ', 'three ']) doc.getText('t').insert(doc.getText('t').length, word);
    // One TCP write carrying three frames: the server reads them in one turn.
    const tcp = (writer as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
    tcp.cork();
    for (const frame of frames) writer.send(frame);
    tcp.uncork();
    const received = new Y.Doc();
    await waitFor(
      () => {
        for (const update of updates.splice(0)) Y.applyUpdate(received, update);
        return received.getText('t').toString() === 'one two three ';
      },
      5000,
      'all three words',
    );
    expect(frames).toHaveLength(3);
    expect(messages).toBe(1);
    writer.close();
    watcher.close();
  });

  it("R14b cursor bursts are merged: at most one awareness message per interval, each client's latest state, nobody's lost", async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cleo']);
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    const c = connect(t, session.sessionId, 'table-1', members[2]!.token);
    const watcher = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([a.synced, c.synced]);
    const arrivals: number[] = [];
    watcher.on('message', (data: Buffer) => {
      if (data[0] === 1) arrivals.push(performance.now());
    });
    // 40 moves each from two people within ~40 ms.
    const started = performance.now();
    for (let i = 1; i <= 40; i++) {
      a.provider.awareness.setLocalStateField('cursor', { x: i });
      c.provider.awareness.setLocalStateField('cursor', { x: -i });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const elapsed = performance.now() - started;
    const ben = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await ben.synced;
    const cursorOf = (id: number) => (ben.provider.awareness.getStates().get(id) as { cursor?: { x: number } } | undefined)?.cursor?.x;
    await waitFor(() => cursorOf(a.doc.clientID) === 40 && cursorOf(c.doc.clientID) === -40, 5000, 'latest cursors');
    await waitFor(() => arrivals.length > 0 && performance.now() - (arrivals.at(-1) ?? 0) > 120, 5000, 'the bursts relayed');
    // 80 changes became at most one message per 50 ms (plus the leading one), not 80.
    expect(arrivals.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThanOrEqual(45);
    watcher.close();
  });

  it('R15 graceful stop flushes updates that were not yet committed', async () => {
    const t = await start({ FLUSH_INTERVAL_MS: '100' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    const a = connect(t, session.sessionId, 'table-1', members[0]!.token);
    await a.synced;
    a.doc.getText('t').insert(0, 'last words');
    await waitFor(() => t.server.relay.loadedRoom(key)?.doc.getText('t').length === 10);
    a.destroy();
    const reopened = await restart(t);
    expect(await storedText(reopened, key)).toBe('last words');
  });
});
