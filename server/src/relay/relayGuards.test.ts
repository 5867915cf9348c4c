/**
 * What the relay refuses, against a real server on port 0, a real SQLite file and stock
 * y-websocket clients: bad tokens on upgrade, malformed and oversized frames, documents past their
 * limit, and clients that stop reading. Only the offender is closed; everyone else keeps syncing.
 * Test names carry the behaviour they pin down.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, DOCUMENT_CONTRACT } from '@worktable/shared';
import WebSocket from 'ws';
import { awarenessMessage, closeCodeOf, createSessionWith, openRawSocket, upgradeStatus, waitFor } from '../testing/testServer.js';
import { encodeSyncUpdate } from './messages.js';
import { relayTestFleet, storedText } from './relayTestFleet.js';

const { start, connect } = relayTestFleet();

describe('authentication on upgrade', () => {
  it('R5 refuses a missing, forged, expired or other-session token with HTTP 401/403, and a bad path with 404', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const other = await createSessionWith(t.url, ['Zed']);
    const base = `${t.wsUrl}/yjs/${session.sessionId}/table-1`;
    const token = members[0]!.token;
    const [body, signature] = token.split('.') as [string, string];
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), role: 'host' })).toString(
      'base64url',
    );
    const expired = t.server.signer.sign({ sid: session.sessionId, pid: members[0]!.participantId, role: 'participant' }, -10);

    expect(await upgradeStatus(`${base}?token=${token}`)).toBe(101);
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=garbage`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${forgedClaims}.${signature}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${body}.${signature.slice(0, -2)}AA`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${expired}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${other.members[0]!.token}`)).toBe(403);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${session.sessionId}?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/yjs/${session.sessionId}/bad%2Fname?token=${token}`)).toBe(404);
    expect(await upgradeStatus(`${t.wsUrl}/elsewhere?token=${token}`)).toBe(404);
    expect(t.server.relay.stats().rooms).toBeLessThanOrEqual(1);
  });

  it('R6 a stock provider with a bad token never syncs an empty document', async () => {
    const t = await start();
    const { session } = await createSessionWith(t.url);
    const client = connect(t, session.sessionId, 'table-1', 'not-a-token');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.provider.synced).toBe(false);
    expect(client.provider.wsconnected).toBe(false);
  });
  it('R6b a page naming another document contract is closed with 4426 before any sync; the current one and a stock client (none) are served', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const url = (contract: string | null) =>
      `${t.wsUrl}/yjs/${session.sessionId}/table-1?token=${members[0]!.token}${contract === null ? '' : `&contract=${contract}`}`;
    const outdated = new WebSocket(url(String(DOCUMENT_CONTRACT - 1)));
    const received: Buffer[] = [];
    outdated.on('message', (data: Buffer) => received.push(data));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      outdated.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual({ code: CloseCode.Outdated, reason: 'page older than the server' });
    expect(received).toEqual([]); // not even the server's sync step 1
    expect(await upgradeStatus(url('2.0'))).toBe(101); // the upgrade completes: the close code tells the page why
    for (const contract of [String(DOCUMENT_CONTRACT), null]) {
      const served = new WebSocket(url(contract));
      const first = await new Promise<Buffer>((resolve, reject) => {
        served.once('message', resolve);
        served.once('close', (code) => reject(new Error(`closed with ${code}`)));
      });
      expect(first[0]).toBe(0); // a sync message
      served.close();
    }
  });
});

describe('hostile frames and limits', () => {
  it('R7 malformed frames close only the offender with 4400 while another room keeps syncing', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const a = connect(t, session.sessionId, 'table-2', members[0]!.token);
    const b = connect(t, session.sessionId, 'table-2', members[1]!.token);
    const bystander = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([a.synced, b.synced, bystander.synced]);

    const frames: number[][] = [
      [], // empty
      [0], // sync without sub-type
      [0, 2, 50, 1, 2], // update shorter than its declared length
      [7, 1, 2, 3], // unknown message type
      [0, 9, 0], // unknown sync type
      [0, 2, 5, 255, 255, 255, 255, 15], // garbage update body
      [0, 0, 3, 255, 255, 255], // garbage state vector
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], // huge varint
    ];
    for (const frame of frames) {
      const raw = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
      const closed = closeCodeOf(raw);
      raw.send(Uint8Array.from(frame));
      expect(await closed, `frame ${JSON.stringify(frame)}`).toBe(CloseCode.BadFrame);
      a.doc.getText('t').insert(0, 'x');
    }
    await waitFor(() => b.doc.getText('t').length === frames.length, 5000, 'the other room keeps syncing');
    expect(bystander.provider.wsconnected).toBe(true);
    bystander.doc.getText('t').insert(0, 'still here');
    await waitFor(() => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').length === 10);
  });

  it('R7b an update Yjs integrates before failing is still stored and relayed, so nobody diverges', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const peer = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await peer.synced;
    const source = new Y.Doc();
    source.getText('t').insert(0, 'abc');
    const valid = Y.encodeStateAsUpdate(source);
    // Valid structs, then a delete set that claims 5 clients and ends: Yjs integrates "abc", then throws.
    const broken = Uint8Array.from([...valid.slice(0, -1), 5]);
    const raw = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const closed = closeCodeOf(raw);
    raw.send(encodeSyncUpdate(broken));
    expect(await closed).toBe(CloseCode.BadFrame);
    await waitFor(() => peer.doc.getText('t').toString() === 'abc', 5000, 'peer receives the integrated part');
    expect(await storedText(t, `${session.sessionId}/table-1`)).toBe('abc');
  });

  it('R8 an oversized message closes the offender with 4413 and is not applied', async () => {
    const t = await start({ MAX_MESSAGE_BYTES: '4096' });
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const other = connect(t, session.sessionId, 'table-2', members[1]!.token);
    await other.synced;
    const big = new Y.Doc();
    big.getText('t').insert(0, 'y'.repeat(6000));
    const raw = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const closed = closeCodeOf(raw);
    raw.send(encodeSyncUpdate(Y.encodeStateAsUpdate(big)));
    expect(await closed).toBe(CloseCode.MessageTooLarge);
    expect(await storedText(t, `${session.sessionId}/table-1`)).toBe('');
    other.doc.getText('t').insert(0, 'fine');
    await waitFor(() => t.server.relay.loadedRoom(`${session.sessionId}/table-2`)?.doc.getText('t').length === 4);
  });

  it('R9 an update that would grow the document past its limit closes with 4414 and is not applied', async () => {
    const t = await start({ MAX_DOC_BYTES: '8192', MAX_MESSAGE_BYTES: '65536' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const raw = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const small = new Y.Doc();
    small.getText('t').insert(0, 'small');
    raw.send(encodeSyncUpdate(Y.encodeStateAsUpdate(small)));
    await waitFor(() => t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.doc.getText('t').length === 5);
    const closed = closeCodeOf(raw);
    small.getText('t').insert(5, 'z'.repeat(10_000));
    raw.send(encodeSyncUpdate(Y.encodeStateAsUpdate(small)));
    expect(await closed).toBe(CloseCode.DocumentTooLarge);
    expect(await storedText(t, `${session.sessionId}/table-1`)).toBe('small');
  });

  it('R10 an oversized awareness state closes with 4413', async () => {
    const t = await start({ MAX_AWARENESS_BYTES: '1024' });
    const { session, members } = await createSessionWith(t.url, ['Ana']);
    const raw = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[0]!.token);
    const closed = closeCodeOf(raw);
    raw.send(awarenessMessage({ clientId: 7, clock: 1, state: { padding: 'x'.repeat(2000) } }));
    expect(await closed).toBe(CloseCode.MessageTooLarge);
    expect(t.server.relay.loadedRoom(`${session.sessionId}/table-1`)?.awareness.getStates().size).toBe(0);
  });
});

describe('slow clients', () => {
  it('R16 a client that stops reading is closed with 4504 once its send buffer passes the cap; others keep syncing', async () => {
    const t = await start({ MAX_BUFFERED_BYTES: '1mb', MAX_MESSAGE_BYTES: '4mb', MAX_DOC_BYTES: '256mb' });
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const writer = connect(t, session.sessionId, 'table-1', members[0]!.token);
    const reader = connect(t, session.sessionId, 'table-1', members[1]!.token);
    await Promise.all([writer.synced, reader.synced]);
    const stalled = await openRawSocket(t.wsUrl, session.sessionId, 'table-1', members[2]!.token);
    await waitFor(() => t.server.relay.stats().connections === 3);
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();

    const text = writer.doc.getText('t');
    for (let i = 0; i < 60; i++) {
      text.insert(text.length, String(i % 10).repeat(200_000));
      await new Promise((resolve) => setTimeout(resolve, 5)); // a pace a reading client keeps up with
    }
    await waitFor(() => reader.doc.getText('t').length === 12_000_000, 20_000, 'the reading client gets everything');
    await waitFor(() => t.server.relay.stats().connections === 2, 10_000, 'stalled connection dropped');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_errors_total\{kind="close_4504"\} 1$/m);
    stalled.terminate();
  });
});
