/**
 * A burst of arrivals at a large single-table session (a convening's lobby before seating): each
 * arrival gets its state at once, and the others learn of the arrivals in a few gathered
 * publications rather than one per arrival, each to everyone. Real socket.io clients, real server.
 */
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../testing/closedAfterEach.js';
import { openControlClient } from '../testing/controlClient.js';
import { createSessionWith, waitFor } from '../testing/testServer.js';
import { PRESENCE_COALESCE_FROM } from './controlPlane.js';

const { clients, start } = closedAfterEach();

describe('presence bursts', () => {
  it('PB1 120 people arriving at once: all get their first state; an early arrival receives a few gathered states, not one per arrival', async () => {
    const people = 120;
    expect(people).toBeGreaterThan(2 * PRESENCE_COALESCE_FROM);
    const t = await start();
    const names = Array.from({ length: people }, (_, i) => `P${i}`);
    const { members } = await createSessionWith(t.url, names);
    // The first half arrives, settles, then the second half arrives at once.
    const early = members.slice(0, people / 2).map((m) => openControlClient(t.url, m.token));
    clients.push(...early);
    await waitFor(() => early.every((c) => c.latest()?.table?.members.length === people / 2), 10_000, 'the first half settled');
    const watcher = early[0]!;
    const before = watcher.states.length;
    const late = members.slice(people / 2).map((m) => openControlClient(t.url, m.token));
    clients.push(...late);
    await waitFor(() => late.every((c) => c.states.length > 0), 10_000, 'every arrival got its first state');
    await waitFor(() => [...early, ...late].every((c) => c.latest()?.table?.members.length === people), 10_000, 'everyone saw everyone');
    const received = watcher.states.length - before;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(people / 2 / 4); // 60 arrivals, at most a quarter as many states
  }, 60_000);
});
