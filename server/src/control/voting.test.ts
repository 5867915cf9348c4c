/**
 * Dot votes through the real control plane: ballots never reach another client before reveal
 * (every frame a second client receives is inspected), results after, the record on close.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ControlEvent } from '@worktable/shared';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { createSessionWith, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';

let t: TestServer | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = undefined;
});

describe('dot voting', () => {
  it('V1 ballots stay on the server until reveal; everyone sees results after; closing records them', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const host = openControlClient(t.url, session.hostToken);
    const ana = openControlClient(t.url, members[0]!.token);
    const ben = openControlClient(t.url, members[1]!.token);
    clients.push(host, ana, ben);
    // Every raw frame Ben's socket receives, whatever the event.
    const benFrames: string[] = [];
    ben.socket.onAny((event: string, ...args: unknown[]) => benFrames.push(JSON.stringify([event, ...args])));
    await waitFor(() => [host, ana, ben].every((c) => c.states.length > 0));
    await host.send({ action: 'start' });

    await waitFor(() => ana.latest()?.status === 'running');
    const facilitator = ana.latest()!.roles.facilitator;
    const nobody = [ana, ben].find((_, i) => members[i]!.participantId !== facilitator)!;
    expect(await nobody.send({ action: 'openVote', items: ['s1', 's2'], dots: 3 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const opened = await host.send({ action: 'openVote', items: ['s1', 's2', 's3'], dots: 3, maxPerItem: 2, title: 'Which to work on?' });
    expect(opened).toMatchObject({ ok: true, state: { vote: { title: 'Which to work on?', status: 'open', voters: [], results: null } } });

    const voted = await ana.send({ action: 'vote', itemId: 's2', count: 2 });
    expect(voted).toMatchObject({ ok: true, ballot: { voteId: 1, ballot: { s2: 2 } } });
    expect(await ana.send({ action: 'vote', itemId: 's3', count: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ana.send({ action: 'vote', itemId: 's3', count: 1 })).ok).toBe(true);
    await waitFor(() => ben.latest()?.vote?.voters.length === 1, 3000, 'Ben sees that Ana voted');
    // Nothing Ben received says what Ana chose.
    expect(benFrames.some((frame) => frame.includes('"s2":2') || frame.includes('"s3":1') || frame.includes('ballot":{"s'))).toBe(false);
    expect(ben.latest()!.vote).toMatchObject({ voters: [members[0]!.participantId], results: null });

    // A reconnecting voter gets their own ballot back, and only theirs.
    const again = openControlClient(t.url, members[0]!.token);
    clients.push(again);
    const ballot = await new Promise((resolve) => again.socket.once(ControlEvent.Ballot, resolve));
    expect(ballot).toEqual({ voteId: 1, ballot: { s2: 2, s3: 1 } });

    expect((await host.send({ action: 'revealVote' })).ok).toBe(true);
    await waitFor(() => ben.latest()?.vote?.status === 'revealed', 3000, 'revealed');
    expect(ben.latest()!.vote!.results).toEqual({ s1: 0, s2: 2, s3: 1 });
    expect(await ben.send({ action: 'vote', itemId: 's1', count: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.send({ action: 'closeVote' })).ok).toBe(true);
    await waitFor(() => ben.latest()?.vote === null, 3000, 'closed');
    const stored = (await t.server.storage.loadControlState(session.sessionId)) as {
      closedVotes: { results: Record<string, number>; dotsBy: Record<string, number> }[];
    };
    expect(stored.closedVotes).toEqual([
      expect.objectContaining({ results: { s1: 0, s2: 2, s3: 1 }, dotsBy: { [members[0]!.participantId]: 3 } }),
    ]);
  });
});
