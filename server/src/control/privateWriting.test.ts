/**
 * Private writing, enforced by the server: a person's private notes live in a document only they
 * can open; another client's traffic never carries them before the reveal (every frame Ben's
 * table connection receives is inspected); the reveal copies them onto the table, named or not.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { ArtifactField, ArtifactKind, TableRoot, docKey, privateDocName } from '@worktable/shared';
import { closedAfterEach } from '../testing/closedAfterEach.js';
import { openControlClient } from '../testing/controlClient.js';
import { connectClient, createSessionWith, upgradeStatus, waitFor, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
const { clients, docs, start } = closedAfterEach();

function writeSticky(doc: Y.Doc, id: string, text: string, by: string, name: string): void {
  doc.transact(() => {
    const artifact = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set(id, artifact);
    const body = new Y.Text();
    body.insert(0, text);
    const fields: Record<string, unknown> = {
      [ArtifactField.Id]: id,
      [ArtifactField.Kind]: ArtifactKind.Sticky,
      [ArtifactField.X]: 10,
      [ArtifactField.Y]: 10,
      [ArtifactField.W]: 200,
      [ArtifactField.H]: 200,
      [ArtifactField.Z]: 1,
      [ArtifactField.CreatedBy]: by,
      [ArtifactField.CreatedByName]: name,
      [ArtifactField.CreatedAt]: Date.now(),
      [ArtifactField.Text]: body,
    };
    for (const [k, v] of Object.entries(fields)) artifact.set(k, v);
  });
}

/** The artifacts of a document as the server holds them (undefined while it has not loaded it). */
const artifactsOnServer = (sessionId: string, docName: string) =>
  t?.server.relay.loadedRoom(docKey(sessionId, docName))?.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts);

const stickyText = (doc: Y.Doc, id: string): string | undefined => {
  const artifact = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(id);
  return artifact ? (artifact.get(ArtifactField.Text) as Y.Text).toString() : undefined;
};

describe('private writing', () => {
  it('PW1 private notes reach nobody before the reveal, then land on the table with their author; anonymous reveals drop the name', async () => {
    t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[0], (typeof members)[0]];
    const host = openControlClient(t.url, session.hostToken);
    clients.push(host);
    await waitFor(() => host.states.length > 0);
    await host.send({ action: 'start' });
    expect(await host.send({ action: 'startPrivate' })).toMatchObject({ ok: true, state: { privateWriting: { anonymous: false } } });

    const benTable = connectClient(t.wsUrl, session.sessionId, 'table-1', ben.token);
    docs.push(benTable);
    await benTable.synced;
    const benFrames: Buffer[] = [];
    (benTable.provider.ws as unknown as WebSocket).on('message', (data: Buffer) => benFrames.push(Buffer.from(data)));

    const anaPrivateName = privateDocName('table-1', ana.participantId);
    const anaPrivate = connectClient(t.wsUrl, session.sessionId, anaPrivateName, ana.token);
    docs.push(anaPrivate);
    await anaPrivate.synced;
    writeSticky(anaPrivate.doc, 'secret-1', 'A half-formed idea about grading', ana.participantId, 'Ana');

    // Nobody else may open Ana's private document, not even the host.
    const url = (token: string) => `${t!.wsUrl}/yjs/${session.sessionId}/${anaPrivateName}?token=${token}`;
    expect(await upgradeStatus(url(ben.token))).toBe(403);
    expect(await upgradeStatus(url(session.hostToken))).toBe(403);
    expect(await upgradeStatus(url(ana.token))).toBe(101);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Buffer.concat(benFrames).includes('half-formed')).toBe(false);
    expect(stickyText(benTable.doc, 'secret-1')).toBeUndefined();

    expect((await host.send({ action: 'reveal' })).ok).toBe(true);
    await waitFor(() => stickyText(benTable.doc, 'secret-1') === 'A half-formed idea about grading', 3000, 'revealed on Ben’s table');
    expect(benTable.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('secret-1')!.get(ArtifactField.CreatedByName)).toBe('Ana');
    expect(Buffer.concat(benFrames).includes('half-formed')).toBe(true); // the capture does see content once revealed
    await waitFor(() => anaPrivate.doc.getMap(TableRoot.Artifacts).size === 0, 3000, 'private document emptied');

    // An anonymous round.
    expect((await host.send({ action: 'startPrivate', anonymous: true })).ok).toBe(true);
    writeSticky(anaPrivate.doc, 'secret-2', 'Nobody needs to know this was me', ana.participantId, 'Ana');
    await waitFor(
      () => artifactsOnServer(session.sessionId, anaPrivateName)?.has('secret-2') === true,
      3000,
      'the anonymous note on the server',
    );
    expect(await host.send({ action: 'reveal' })).toMatchObject({ ok: true, state: { privateWriting: null } });
    await waitFor(() => stickyText(benTable.doc, 'secret-2') !== undefined, 3000, 'anonymous reveal');
    const revealed = benTable.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('secret-2')!;
    expect([revealed.get(ArtifactField.CreatedBy), revealed.get(ArtifactField.CreatedByName)]).toEqual(['', 'Anonymous']);
    expect(await host.send({ action: 'reveal' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('PW2 revealed notes come on top and cover nothing, though everyone wrote theirs at the same spot over a PDF', async () => {
    t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const host = openControlClient(t.url, session.hostToken);
    clients.push(host);
    await waitFor(() => host.states.length > 0);
    const table = connectClient(t.wsUrl, session.sessionId, 'table-1', session.hostToken);
    docs.push(table);
    await table.synced;
    // A large item on the table, in front of everything so far.
    writeSticky(table.doc, 'big-pdf', 'The PDF', session.participantId, 'Hana');
    table.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('big-pdf')!.set(ArtifactField.W, 600);
    table.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('big-pdf')!.set(ArtifactField.H, 400);
    table.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('big-pdf')!.set(ArtifactField.Z, 5);
    await host.send({ action: 'start' });
    expect(await host.send({ action: 'startPrivate' })).toMatchObject({ ok: true });
    for (const [i, member] of members.entries()) {
      const own = connectClient(t.wsUrl, session.sessionId, privateDocName('table-1', member.participantId), member.token);
      docs.push(own);
      await own.synced;
      // Everyone's note at the same default spot, under the PDF.
      writeSticky(own.doc, `note-${i}`, `Note ${i}`, member.participantId, `P${i}`);
    }
    const written = () =>
      artifactsOnServer(session.sessionId, 'table-1')?.get('big-pdf')?.get(ArtifactField.Z) === 5 &&
      members.every(
        (member, i) => artifactsOnServer(session.sessionId, privateDocName('table-1', member.participantId))?.has(`note-${i}`) === true,
      );
    await waitFor(written, 3000, 'the PDF and every note on the server');
    expect((await host.send({ action: 'reveal' })).ok).toBe(true);
    const artifacts = table.doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts);
    await waitFor(() => [0, 1, 2].every((i) => artifacts.has(`note-${i}`)), 3000, 'all three revealed');
    const rect = (id: string) => {
      const a = artifacts.get(id)!;
      return {
        x: a.get(ArtifactField.X) as number,
        y: a.get(ArtifactField.Y) as number,
        w: a.get(ArtifactField.W) as number,
        h: a.get(ArtifactField.H) as number,
        z: a.get(ArtifactField.Z) as number,
      };
    };
    const ids = ['big-pdf', 'note-0', 'note-1', 'note-2'];
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) {
        const [p, q] = [rect(a), rect(b)];
        const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
        expect(overlap, `${a} and ${b} overlap`).toBe(false);
      }
    }
    for (const i of [0, 1, 2]) expect(rect(`note-${i}`).z).toBeGreaterThan(5);
  });
});
