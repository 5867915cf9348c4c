/**
 * Server-written authorship against a real server on port 0 with stock y-websocket clients: a
 * participant who claims to be someone else when adding a sticky note, opening a thread or writing
 * a message or a harvest card is corrected for everyone; renaming the author of someone else's item is undone; an
 * item brought back under its id keeps its first author; honest items are left alone.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ArtifactField, PlenaryRoot, TableRoot, ThreadField } from '@worktable/shared';
import { closedAfterEach } from '../../testing/closedAfterEach.js';
import { connectClient, createSessionWith, waitFor, type YClient } from '../../testing/testServer.js';

const { docs: clients, start } = closedAfterEach();

/** A sticky note's Y.Map, as the client builds it, claiming `author`. */
function sticky(id: string, author: { id: string; name: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({
    [ArtifactField.Id]: id,
    [ArtifactField.Kind]: 'sticky',
    x: 0,
    y: 0,
    w: 160,
    h: 120,
    z: 1,
    [ArtifactField.CreatedBy]: author.id,
    [ArtifactField.CreatedByName]: author.name,
    [ArtifactField.CreatedAt]: 1,
  }))
    map.set(key, value);
  return map;
}

/** A feedback thread's Y.Map with one message, both claiming `author`. */
function thread(id: string, author: { id: string; name: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({
    [ThreadField.Id]: id,
    [ThreadField.ArtifactId]: 'a1',
    [ThreadField.Type]: 'warm',
    [ThreadField.CreatedBy]: author.id,
    [ThreadField.CreatedByName]: author.name,
    [ThreadField.CreatedAt]: 1,
  }))
    map.set(key, value);
  const messages = new Y.Array<unknown>();
  messages.push([{ id: `${id}-m1`, authorId: author.id, authorName: author.name, text: 'Looks good', at: 1 }]);
  map.set(ThreadField.Messages, messages);
  return map;
}

const authorOf = (map: unknown) =>
  map instanceof Y.Map ? { id: map.get(ArtifactField.CreatedBy), name: map.get(ArtifactField.CreatedByName) } : null;

describe('authorship', () => {
  it('AU1 the server writes who added an item, opened a thread and wrote a message; forged authors are corrected for everyone', async () => {
    const t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const [ana, ben] = members as [(typeof members)[number], (typeof members)[number]];
    const anaDoc = connectClient(t.wsUrl, session.sessionId, 'table-1', ana.token);
    const benDoc = connectClient(t.wsUrl, session.sessionId, 'table-1', ben.token);
    clients.push(anaDoc, benDoc);
    await Promise.all([anaDoc.synced, benDoc.synced]);
    const artifacts = (c: YClient) => c.doc.getMap<unknown>(TableRoot.Artifacts);
    const feedback = (c: YClient) => c.doc.getMap<unknown>(TableRoot.Feedback);
    const host = { id: session.participantId, name: 'Host' };

    // Ben's own note, honest: left alone. Ana's note claims to be the host's.
    artifacts(benDoc).set('ben-note', sticky('ben-note', { id: ben.participantId, name: 'Ben' }));
    artifacts(anaDoc).set('ana-note', sticky('ana-note', host));
    await waitFor(() => authorOf(artifacts(benDoc).get('ana-note'))?.id === ana.participantId, 5000, 'forged note corrected');
    expect(authorOf(artifacts(benDoc).get('ana-note'))).toEqual({ id: ana.participantId, name: 'Ana' });
    expect(authorOf(artifacts(anaDoc).get('ana-note'))).toEqual({ id: ana.participantId, name: 'Ana' });
    expect(authorOf(artifacts(anaDoc).get('ben-note'))).toEqual({ id: ben.participantId, name: 'Ben' });

    // A thread and its first message claiming to be Ben's.
    feedback(anaDoc).set('th1', thread('th1', { id: ben.participantId, name: 'Ben' }));
    await waitFor(
      () => (feedback(benDoc).get('th1') as Y.Map<unknown> | undefined)?.get(ThreadField.CreatedBy) === ana.participantId,
      5000,
      'forged thread corrected',
    );
    const seen = feedback(benDoc).get('th1') as Y.Map<unknown>;
    expect(seen.get(ThreadField.CreatedByName)).toBe('Ana');
    await waitFor(
      () => ((seen.get(ThreadField.Messages) as Y.Array<{ authorId: string }>).get(0)?.authorId ?? '') === ana.participantId,
      5000,
      'forged message corrected',
    );
    expect((seen.get(ThreadField.Messages) as Y.Array<{ authorName: string; text: string }>).toArray()).toEqual([
      expect.objectContaining({ authorName: 'Ana', text: 'Looks good' }),
    ]);

    // A reply in Ben's thread under the host's name; Ben's own reply stays his.
    const messagesAt = (c: YClient) =>
      (feedback(c).get('th1') as Y.Map<unknown>).get(ThreadField.Messages) as Y.Array<{ id: string; authorId: string; authorName: string }>;
    messagesAt(benDoc).push([{ id: 'm-ben', authorId: ben.participantId, authorName: 'Ben', text: 'Thanks', at: 2 } as never]);
    messagesAt(anaDoc).push([{ id: 'm-forged', authorId: host.id, authorName: 'Host', text: 'Stop now', at: 3 } as never]);
    await waitFor(
      () =>
        messagesAt(benDoc)
          .toArray()
          .some((m) => m.id === 'm-forged' && m.authorId === ana.participantId),
      5000,
      'forged reply corrected',
    );
    // (Two pushes at once: their order is Yjs's to decide.)
    expect(
      messagesAt(benDoc)
        .toArray()
        .map((m) => [m.id, m.authorName])
        .sort(),
    ).toEqual([
      ['m-ben', 'Ben'],
      ['m-forged', 'Ana'],
      ['th1-m1', 'Ana'],
    ]);

    // Renaming the author of Ben's note is undone; removing and putting it back (as undo does) keeps Ben.
    (artifacts(anaDoc).get('ben-note') as Y.Map<unknown>).set(ArtifactField.CreatedByName, 'Anonymous');
    await waitFor(() => authorOf(artifacts(anaDoc).get('ben-note'))?.name === 'Ben', 5000, 'rename undone');
    artifacts(anaDoc).delete('ben-note');
    artifacts(anaDoc).set('ben-note', sticky('ben-note', { id: ben.participantId, name: 'Ben' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(authorOf(artifacts(benDoc).get('ben-note'))).toEqual({ id: ben.participantId, name: 'Ben' });

    // A harvest card in the plenary under Ben's name is Ana's.
    const plenary = connectClient(t.wsUrl, session.sessionId, 'plenary', ana.token);
    const plenaryBen = connectClient(t.wsUrl, session.sessionId, 'plenary', ben.token);
    clients.push(plenary, plenaryBen);
    await Promise.all([plenary.synced, plenaryBen.synced]);
    plenary.doc.getMap(PlenaryRoot.Harvest).set('card-1', {
      id: 'card-1',
      tableId: 'table-1',
      tableName: 'Table 1',
      round: 1,
      kind: 'insight',
      text: 'Trust',
      by: ben.participantId,
      byName: 'Ben',
      at: 1,
    });
    await waitFor(
      () => (plenaryBen.doc.getMap(PlenaryRoot.Harvest).get('card-1') as { by?: string } | undefined)?.by === ana.participantId,
      5000,
      'forged card corrected',
    );
    expect(plenaryBen.doc.getMap(PlenaryRoot.Harvest).get('card-1')).toMatchObject({ byName: 'Ana', text: 'Trust' });

    // What reaches storage is the corrected version (a fresh client sees it).
    await t.server.persistence.flush();
    const fresh = connectClient(t.wsUrl, session.sessionId, 'table-1', ben.token);
    clients.push(fresh);
    await fresh.synced;
    expect(authorOf(artifacts(fresh).get('ana-note'))).toEqual({ id: ana.participantId, name: 'Ana' });
  });
});
