/**
 * Anonymous reactions against a real server (port 0, real socket.io and y-websocket clients): the
 * server writes them under the pseudonym, so the Yjs item holding one carries the server's client
 * id — which no presence entry maps to a person — never the reacting browser's; each person takes
 * back only their own; bad requests are refused and change nothing; and a browser writing or
 * removing someone else's reaction (or a pseudonym key) directly in the document is reverted.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  ControlEvent,
  MAX_TABLES,
  TableRoot,
  docKey,
  itemReactionKey,
  type CreateSessionResponse,
  type JoinSessionResponse,
  type WelcomePayload,
} from '@worktable/shared';
import { closedAfterEach } from '../testing/closedAfterEach.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { putSticky, putThread } from '../testing/canvasWrites.js';
import { connectClient, createSessionWith, postJson, waitFor, type TestServer, type YClient } from '../testing/testServer.js';

let t: TestServer | undefined;
const { clients, docs, start } = closedAfterEach();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A person at the table: their control socket (with the pseudonym it was welcomed with) and their table document. */
interface Seat {
  id: string;
  token: string;
  control: ControlClient;
  table: YClient;
  pseudonym: Promise<string>;
}

async function sit(sessionId: string, member: { participantId: string; token: string }, name: string): Promise<Seat> {
  const control = openControlClient(t!.url, member.token);
  clients.push(control);
  const pseudonym = new Promise<string>((resolve) =>
    control.socket.once(ControlEvent.Welcome, (welcome: WelcomePayload) => resolve(welcome.pseudonym)),
  );
  const table = connectClient(t!.wsUrl, sessionId, 'table-1', member.token);
  docs.push(table);
  table.provider.awareness.setLocalStateField('user', { participantId: member.participantId, name });
  await table.synced;
  await waitFor(() => control.states.length > 0, 5000, `${name}’s first state`);
  return { id: member.participantId, token: member.token, control, table, pseudonym };
}

/** A table of `names` on a fresh server (`env`), with a sticky note `note-1` by the first, and reactions anonymous unless `named`. */
async function table(
  names: string[],
  env: Record<string, string> = {},
  named = false,
): Promise<{ session: CreateSessionResponse; host: ControlClient; seats: Seat[] }> {
  t = await start(env);
  const { session, members } = await createSessionWith(t.url, names);
  const host = openControlClient(t.url, session.hostToken);
  clients.push(host);
  await waitFor(() => host.states.length > 0);
  if (!named)
    expect(await host.send({ action: 'anonymousReactions', on: true })).toMatchObject({ ok: true, state: { anonymousReactions: true } });
  const seats: Seat[] = [];
  for (const [i, member] of members.entries()) seats.push(await sit(session.sessionId, member, names[i]!));
  const first = seats[0]!;
  putSticky(first.table.doc, 'note-1', 'Grade the drafts together', { y: 0 }, { id: first.id, name: names[0]!, at: Date.now() });
  await waitFor(() => seats.every((seat) => seat.table.doc.getMap(TableRoot.Artifacts).has('note-1')), 3000, 'the note on every table');
  return { session, host, seats };
}

const reactionsOf = (seat: Seat) => seat.table.doc.getMap<unknown>(TableRoot.Reactions);
const keysOf = (seat: Seat) => [...reactionsOf(seat).keys()].sort();

/** The Yjs client id that wrote the live item under `key` (Yjs keeps a map's entries in `_map`). */
function writerOf(map: Y.Map<unknown>, key: string): number | undefined {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  return item && !item.deleted ? item.id.client : undefined;
}

describe('anonymous reactions', () => {
  it('AR1 are written by the server under the pseudonym, taken back by their giver only', async () => {
    const { session, seats } = await table(['Ana', 'Ben']);
    const [ana, ben] = seats as [Seat, Seat];
    const anaPseudonym = await ana.pseudonym;
    expect(anaPseudonym).toBe(t!.server.signer.pseudonym(session.sessionId, ana.id));
    const key = itemReactionKey('note-1', 'agree', anaPseudonym);
    expect(await ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: true })).toMatchObject({ ok: true });
    await waitFor(() => reactionsOf(ben).get(key) === true, 3000, 'Ana’s reaction on Ben’s table');

    // The item holding the key was written by the server's document, not Ana's browser, and no
    // presence entry anyone sees maps to the id that wrote it.
    const serverClient = t!.server.relay.loadedRoom(docKey(session.sessionId, 'table-1'))!.doc.clientID;
    const writer = writerOf(reactionsOf(ben), key);
    expect(writer).toBe(serverClient);
    expect(writer).not.toBe(ana.table.doc.clientID);
    await waitFor(() => ben.table.provider.awareness.getStates().has(ana.table.doc.clientID), 3000, 'Ana’s presence at Ben’s');
    expect(ben.table.provider.awareness.getStates().has(writer!)).toBe(false);
    expect(ana.table.provider.awareness.getStates().has(writer!)).toBe(false);
    expect(keysOf(ben)).toEqual([key]); // no name anywhere in the map

    // Ben cannot take Ana's reaction back: his `react` removes his own only (he has none).
    expect(await ben.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: false })).toMatchObject({ ok: true });
    await pause(200);
    expect(reactionsOf(ben).get(key)).toBe(true);

    // Giving it twice is giving it once; Ana takes it back.
    expect(await ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: true })).toMatchObject({ ok: true });
    expect(writerOf(reactionsOf(ana), key)).toBe(writer);
    expect(await ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: false })).toMatchObject({ ok: true });
    await waitFor(() => !reactionsOf(ben).has(key) && !reactionsOf(ana).has(key), 3000, 'Ana’s reaction taken back everywhere');

    // A thread takes reactions the same way.
    putThread(ben.table.doc, 'thread-1', 'note-1', 'question', [
      { text: 'Which drafts?', authorId: ben.id, authorName: 'Ben', at: Date.now() },
    ]);
    await waitFor(() => ana.table.doc.getMap(TableRoot.Feedback).has('thread-1'), 3000, 'the thread on Ana’s table');
    expect(await ana.control.send({ action: 'react', tableId: 'table-1', itemId: 'thread-1', reaction: 'idea', on: true })).toMatchObject({
      ok: true,
    });
    await waitFor(
      () => reactionsOf(ben).get(itemReactionKey('thread-1', 'idea', anaPseudonym)) === true,
      3000,
      'Ana’s reaction to the thread',
    );
  });

  it('AR2 refuses bad requests with a clear error and changes nothing', async () => {
    const { session, host, seats } = await table(['Ana']);
    const [ana] = seats as [Seat];
    const before = keysOf(ana);

    const refusal = async (payload: Record<string, unknown>) => {
      const ack = await ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: true, ...payload });
      if (ack.ok) throw new Error(`accepted ${JSON.stringify(payload)}`);
      return ack.error;
    };
    expect(await refusal({ itemId: 'note-1/agree:someone' })).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('itemId'),
    });
    expect(await refusal({ itemId: '' })).toMatchObject({ code: 'bad_request', message: expect.stringContaining('itemId') });
    expect(await refusal({ itemId: 'x'.repeat(65) })).toMatchObject({ code: 'bad_request', message: expect.stringContaining('itemId') });
    expect(await refusal({ reaction: 'laser' })).toMatchObject({ code: 'bad_request', message: expect.stringContaining('reaction') });
    expect(await refusal({ on: 'yes' })).toMatchObject({ code: 'bad_request', message: expect.stringContaining('on') });
    expect(await refusal({ who: 'p_ben' })).toMatchObject({ code: 'bad_request', message: 'unknown field "who"' });
    expect(await refusal({ tableId: 'table-0' })).toMatchObject({
      code: 'bad_request',
      message: `tableId: must be a table id from table-1 to table-${MAX_TABLES}`,
    });
    expect(await refusal({ tableId: 'private-table-1-x' })).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('tableId'),
    });
    expect(await refusal({ itemId: 'not-there' })).toEqual({ code: 'not_found', message: 'That item is not on this table any more.' });
    await pause(200);
    expect(keysOf(ana)).toEqual(before);

    // An observer cannot react; nor can anyone while reactions carry names (taking back still works).
    const observer = await postJson<JoinSessionResponse>(`${t!.url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: 'Olu',
      role: 'observer',
    });
    const olu = openControlClient(t!.url, observer.body.token);
    clients.push(olu);
    await waitFor(() => olu.states.length > 0);
    expect(await olu.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await host.send({ action: 'anonymousReactions', on: false });
    expect(await refusal({})).toMatchObject({ code: 'conflict', message: expect.stringContaining('not anonymous') });
    expect(await ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: false })).toMatchObject({ ok: true });
    await pause(200);
    expect(keysOf(ana)).toEqual(before);
  });

  it('AR3 counts against the control action rate of the socket', async () => {
    const { seats } = await table(['Ana'], { CONTROL_ACTION_BURST: '5', CONTROL_ACTIONS_PER_SECOND: '1' });
    const [ana] = seats as [Seat];
    const acks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ana.control.send({ action: 'react', itemId: 'note-1', reaction: 'agree', on: i % 2 === 0 })),
    );
    expect(acks.filter((ack) => !ack.ok && ack.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(2);
  });

  it('AR4 reverts a browser writing or removing a reaction that is not its own named one', async () => {
    const { session, seats } = await table(['Ana', 'Ben'], {}, true);
    const [ana, ben] = seats as [Seat, Seat];
    const anaNamed = itemReactionKey('note-1', 'agree', ana.id);
    reactionsOf(ana).set(anaNamed, true);
    await waitFor(() => reactionsOf(ben).get(anaNamed) === true, 3000, 'Ana’s named reaction at Ben’s');

    // Ben's own named reaction stays; under Ana's id, under a pseudonym (even his own), a junk key
    // or value, and Ana's removed: all reverted.
    const benNamed = itemReactionKey('note-1', 'heart', ben.id);
    const forged = [itemReactionKey('note-1', 'heart', ana.id), itemReactionKey('note-1', 'idea', await ben.pseudonym), 'note-1/laser:x'];
    ben.table.doc.transact(() => {
      const map = reactionsOf(ben);
      map.set(benNamed, true);
      for (const key of forged) map.set(key, true);
      map.set(itemReactionKey('note-1', 'question', ben.id), 'a'.repeat(100));
      map.delete(anaNamed);
    });
    const expected = [anaNamed, benNamed].sort();
    await waitFor(
      () => JSON.stringify(keysOf(ana)) === JSON.stringify(expected) && JSON.stringify(keysOf(ben)) === JSON.stringify(expected),
      3000,
      'the forged changes reverted',
    );
    expect(reactionsOf(ben).get(anaNamed)).toBe(true);
    expect(await t!.server.metrics.registry.metrics()).toMatch(/worktable_errors_total\{kind="reaction_reverted"\} [1-9]/);

    // A newcomer (and so the stored document) has only the two named reactions.
    const later = connectClient(t!.wsUrl, session.sessionId, 'table-1', ana.token);
    docs.push(later);
    await later.synced;
    expect([...later.doc.getMap(TableRoot.Reactions).keys()].sort()).toEqual(expected);

    // Ana takes her own back: that stays.
    reactionsOf(ana).delete(anaNamed);
    await waitFor(() => !reactionsOf(ben).has(anaNamed), 3000, 'Ana’s reaction taken back');
    await pause(200);
    expect(keysOf(ben)).toEqual([benNamed]);
  });
});
