/**
 * Speaking rules for written feedback, enforced by the server: while the presenter listens
 * silently, a thread or reply their own table connection writes is reverted for everyone (and
 * in the stored document); in other phases, and for everyone else, feedback stays.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { Speakers, TableRoot, ThreadField, type SessionState } from '@worktable/shared';
import { putThread } from '../../testing/canvasWrites.js';
import { closedAfterEach } from '../../testing/closedAfterEach.js';
import { openControlClient, type ControlClient } from '../../testing/controlClient.js';
import { connectClient, createSessionWith, waitFor, type TestServer } from '../../testing/testServer.js';

let t: TestServer | undefined;
const { clients, docs, start } = closedAfterEach();

const threadIds = (doc: Y.Doc): string[] => [...doc.getMap(TableRoot.Feedback).keys()].sort();
const latest = (c: ControlClient): SessionState => {
  const state = c.states.at(-1);
  if (!state) throw new Error('no state yet');
  return state;
};

describe('feedback rules', () => {
  it('FR1 reverts a silent presenter’s feedback for everyone; keeps it in other phases and from others', async () => {
    t = await start();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben', 'Cy']);
    const host = openControlClient(t.url, session.hostToken);
    clients.push(host, ...members.map((m) => openControlClient(t!.url, m.token)));
    await waitFor(() => clients.every((c) => c.states.length > 0));
    expect(await host.send({ action: 'start' })).toMatchObject({ ok: true });
    const presenterId = latest(host).roles.presenter;
    const everyone = [{ participantId: session.participantId, token: session.hostToken }, ...members];
    const presenter = everyone.find((m) => m.participantId === presenterId);
    const other = everyone.find((m) => m.participantId !== presenterId);
    if (!presenter || !other) throw new Error(`no presenter among the people (${String(presenterId)})`);

    const mine = connectClient(t.wsUrl, session.sessionId, 'table-1', presenter.token);
    const theirs = connectClient(t.wsUrl, session.sessionId, 'table-1', other.token);
    docs.push(mine, theirs);
    await Promise.all([mine.synced, theirs.synced]);
    const say = (doc: Y.Doc, id: string, by: string) =>
      putThread(doc, id, 'item', 'warm', [{ text: `${id} says`, authorId: by, authorName: by, at: 1 }]);

    // The first phase: the presenter may speak, their feedback stays.
    expect(latest(host).phase?.speakers).not.toBe(Speakers.AllButPresenter);
    say(mine.doc, 'before-silence', presenter.participantId);
    await waitFor(() => threadIds(theirs.doc).includes('before-silence'));

    // On to the first phase where the presenter listens silently.
    while (latest(host).phase?.speakers !== Speakers.AllButPresenter)
      expect(await host.send({ action: 'next' })).toMatchObject({ ok: true });
    await waitFor(() => clients.every((c) => latest(c).phase?.speakers === Speakers.AllButPresenter));
    say(mine.doc, 'while-silent', presenter.participantId);
    say(theirs.doc, 'from-the-group', other.participantId);
    await waitFor(() => threadIds(mine.doc).includes('from-the-group') && !threadIds(mine.doc).includes('while-silent'));
    await waitFor(() => threadIds(theirs.doc).join() === 'before-silence,from-the-group');

    // A reply to the group's thread is reverted too.
    const messages = (doc: Y.Doc) =>
      doc.getMap<Y.Map<unknown>>(TableRoot.Feedback).get('from-the-group')?.get(ThreadField.Messages) as Y.Array<unknown>;
    messages(mine.doc).push([{ id: 'reply', authorId: presenter.participantId, authorName: 'P', text: 'but…', at: 2 }]);
    await waitFor(() => messages(mine.doc).length === 1);
    expect(messages(theirs.doc).length).toBe(1);

    // A reaction to it, named or anonymous, waits for the next phase too.
    const reactions = (doc: Y.Doc) => doc.getMap<boolean>(TableRoot.Reactions);
    const named = `from-the-group/agree:${presenter.participantId}`;
    reactions(mine.doc).set(named, true);
    await waitFor(() => !reactions(mine.doc).has(named), 5000, 'the presenter’s reaction reverted');
    expect(reactions(theirs.doc).has(named)).toBe(false);
    const presenterControl = clients[everyone.indexOf(presenter)]!;
    expect(await host.send({ action: 'anonymousReactions', on: true })).toMatchObject({ ok: true });
    expect(
      await presenterControl.send({ action: 'react', itemId: 'from-the-group', reaction: 'agree', on: true, tableId: 'table-1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'You listen silently in this phase: your reactions wait for the next one.' },
    });
    expect(reactions(theirs.doc).size).toBe(0);

    // A newcomer (and so the stored document) never sees the reverted thread.
    const later = connectClient(t.wsUrl, session.sessionId, 'table-1', other.token);
    docs.push(later);
    await later.synced;
    expect(threadIds(later.doc)).toEqual(['before-silence', 'from-the-group']);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/worktable_errors_total\{kind="feedback_reverted"\} [1-9]/);
  });
});
