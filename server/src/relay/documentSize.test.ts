/**
 * The document size limit (`MAX_DOC_BYTES`) is on what a document holds once merged, not on the sum
 * of its updates (issue #19, "size counter churn"): against a real server on port 0, a real SQLite
 * file, stock y-websocket clients and raw sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@worktable/shared';
import { DocumentSize } from './documentSize.js';
import { typeAndDelete } from '../testing/churn.js';
import { storedDocument, testFleet } from '../testing/fleet.js';
import { openRawWriter, type RawWriter } from '../testing/rawWriter.js';
import { createSessionWith, waitFor, type TestServer, type YClient } from '../testing/testServer.js';

/** The limit these tests run with: 64 KiB. */
const LIMIT = 64 * 1024;

const { start, connect, restart, stopAll } = testFleet({ MAX_DOC_BYTES: String(LIMIT) });
const writers: RawWriter[] = [];

/** The close codes a stock client has seen. */
function closesOf(client: YClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}
/** What the server's copy of a document holds, and its encoded size. */
function held(t: TestServer, key: string): { text: string; encodedBytes: number } {
  const room = t.server.relay.loadedRoom(key);
  if (!room) throw new Error(`${key} is not loaded`);
  return { text: room.doc.getText('t').toString(), encodedBytes: Y.encodeStateAsUpdate(room.doc).byteLength };
}
/** The stored state of a document: its text and the bytes of its log. */
async function stored(t: TestServer, key: string): Promise<{ text: string; logBytes: number }> {
  const text = (await storedDocument(t, key)).getText('t').toString();
  const { updates } = await t.server.storage.loadDocument(key);
  return { text, logBytes: updates.reduce((sum, update) => sum + update.byteLength, 0) };
}

afterEach(async () => {
  for (const w of writers.splice(0)) w.close();
  await stopAll();
});

describe('document size limit', () => {
  it('DS1 typing and deleting 20× the limit never trips it: every change applied, relayed and stored, the log compacted', async () => {
    // Compaction by count held off: only the log's bytes can trigger it.
    const t = await start({ COMPACT_AFTER_UPDATES: '1000000' });
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const key = `${session.sessionId}/table-1`;
    const ana = connect(t, session.sessionId, 'table-1', members[0]!.token);
    const ben = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([ana.synced, ben.synced]);
    const closes = closesOf(ana);

    const text = ana.doc.getText('t');
    text.insert(0, 'kept: ');
    const churn = await typeAndDelete(text, 20 * LIMIT);
    text.insert(text.length, 'final words');
    await waitFor(() => held(t, key).text === 'kept: final words', 20_000, 'the server applies every change');
    await waitFor(() => ben.doc.getText('t').toString() === 'kept: final words', 10_000, 'the other client gets every change');

    const room = t.server.relay.loadedRoom(key)!;
    const { encodedBytes } = held(t, key);
    const store = await stored(t, key);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    const compacted = Number(/^worktable_compacted_updates_total (\d+)/m.exec(metrics)?.[1] ?? 0);
    console.info(
      `churn: ${churn.updates} updates of ${churn.bytes} bytes (${(churn.bytes / LIMIT).toFixed(1)}× the limit); ` +
        `the document holds ${encodedBytes} bytes (estimate ${room.size.estimateBytes}, ${room.size.measurements} measurements); ` +
        `${compacted} log entries compacted, ${store.logBytes} bytes left in the log`,
    );
    expect(churn.bytes).toBeGreaterThanOrEqual(20 * LIMIT);
    expect(closes).toEqual([]);
    expect(ana.provider.wsconnected).toBe(true);
    expect(encodedBytes).toBeLessThan(1024);
    expect(room.size.estimateBytes).toBeLessThanOrEqual(LIMIT);
    expect(store.text).toBe('kept: final words');
    expect(compacted).toBeGreaterThan(0);
    expect(store.logBytes).toBeLessThan(LIMIT);

    ana.destroy();
    ben.destroy();
    const restarted = await restart(t);
    const late = connect(restarted, session.sessionId, 'table-1', members[1]!.token);
    await late.synced;
    expect(late.doc.getText('t').toString()).toBe('kept: final words');
  });

  it('DS2 a document that really grows past the limit is refused with 4414 and its message; nothing past the limit applied, other rooms unaffected', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const key = `${session.sessionId}/table-1`;
    const bystander = connect(t, session.sessionId, 'table-2', members[1]!.token);
    await bystander.synced;
    const writer = await openRawWriter(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    writers.push(writer);
    await waitFor(() => t.server.relay.loadedRoom(key) !== undefined, 5000, 'the document loads');

    // Distinct 1,000-character chunks, each waited for, until the server refuses one.
    const text = writer.doc.getText('t');
    let chunks = 0;
    while (writer.open && chunks < 200) {
      text.insert(text.length, String.fromCharCode(97 + (chunks % 26)).repeat(1000));
      chunks++;
      await waitFor(() => !writer.open || held(t, key).text.length === text.length, 5000, 'the chunk is applied or refused');
    }
    const closed = await writer.closed;
    const { text: kept, encodedBytes } = held(t, key);
    console.info(
      `growth: ${chunks} chunks of 1,000 characters sent, ${kept.length / 1000} applied; the document holds ${encodedBytes} of ${LIMIT} bytes; closed ${closed.code} "${closed.reason}"`,
    );
    expect(closed.code).toBe(CloseCode.DocumentTooLarge);
    expect(closed.reason).toMatch(new RegExp(`^document would exceed the limit of ${LIMIT} bytes`));
    expect(kept.length).toBe((chunks - 1) * 1000);
    expect(encodedBytes).toBeLessThanOrEqual(LIMIT);
    // The limit is on real content: all but the last chunk's worth of it is usable.
    expect(encodedBytes).toBeGreaterThan(LIMIT - 2 * 1100);
    expect((await stored(t, key)).text).toBe(kept);

    bystander.doc.getText('t').insert(0, 'unaffected');
    await waitFor(() => held(t, `${session.sessionId}/table-2`).text === 'unaffected', 5000, 'the other room keeps syncing');
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('DS3 after a restart the size is measured from the merged document, not from its stored log', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const key = `${session.sessionId}/table-1`;
    // A log such as a node that stopped before compacting leaves: 5× the limit in entries, a few bytes merged.
    const source = new Y.Doc();
    const log: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => log.push(update));
    source.getText('t').insert(0, 'survives the restart');
    await typeAndDelete(source.getText('t'), 5 * LIMIT);
    await t.server.storage.appendUpdates(log.map((update) => ({ docKey: key, update })));
    const restarted = await restart(t);
    const ana = connect(restarted, session.sessionId, 'table-1', members[0]!.token);
    await ana.synced;
    const closes = closesOf(ana);
    expect(ana.doc.getText('t').toString()).toBe('survives the restart');
    const room = restarted.server.relay.loadedRoom(key)!;
    const logBytes = log.reduce((sum, update) => sum + update.byteLength, 0);
    console.info(`reload: a log of ${log.length} entries and ${logBytes} bytes loads as a document of ${room.size.estimateBytes} bytes`);
    expect(room.logBytes).toBe(logBytes);
    expect(room.size.estimateBytes).toBe(Y.encodeStateAsUpdate(room.doc).byteLength);
    expect(room.size.estimateBytes).toBeLessThan(1024);

    // Half the limit more, which the summed log (5× the limit) would refuse.
    ana.doc.getText('t').insert(0, 'y'.repeat(LIMIT / 2));
    await waitFor(() => held(restarted, key).text.length === LIMIT / 2 + 20, 5000, 'the change is applied');
    expect(closes).toEqual([]);
  });
});

describe('DocumentSize', () => {
  it('DS5 answers from its estimate until updates fill half the room left, then measures; refuses only on a measurement', () => {
    const doc = new Y.Doc({ gc: true });
    const size = new DocumentSize(doc);
    const limit = 10_000;
    const apply = (edit: (text: Y.Text) => void): number => {
      let bytes = 0;
      const count = (update: Uint8Array) => (bytes += update.byteLength);
      doc.on('update', count);
      edit(doc.getText('t'));
      doc.off('update', count);
      size.grew(bytes);
      return bytes;
    };
    const insert = apply((text) => text.insert(0, 'a'.repeat(4000)));
    expect(insert).toBeGreaterThan(4000);
    expect(size.measurements).toBe(0);
    // Deleting it: the estimate still counts the insert, the document is a tombstone.
    expect(size.fits(100, limit)).toBe(true); // 4,000 + 100 of 5,000: no measurement
    apply((text) => text.delete(0, 4000));
    expect(size.measurements).toBe(0);
    expect(size.fits(1000, limit)).toBe(true); // past half the room: measured, and it fits
    expect(size.measurements).toBe(1);
    expect(size.estimateBytes).toBe(Y.encodeStateAsUpdate(doc).byteLength);
    expect(size.estimateBytes).toBeLessThan(50);
    expect(size.fits(limit, limit)).toBe(false);
    expect(size.measurements).toBe(2);

    size.grew(3000);
    size.rebaseIfLower(5000, 0); // higher than the estimate: ignored
    expect(size.estimateBytes).toBeLessThan(3050);
    size.rebaseIfLower(10, 100);
    expect(size.estimateBytes).toBe(110);
  });
});
