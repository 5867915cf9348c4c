/**
 * A round change worked out ahead (`PreparedReview`): at 1,000 people it reseats everyone, so the
 * runtime works the outcome out `PREPARE_AHEAD_MS` before the deadline. On a fake clock, a café
 * of 13 people at 3 tables: the round still changes at the exact deadline into exactly what
 * working it out then would give, and someone who arrives in that last second is not left out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtInProtocol, nextSessionDeadline, reviewSession, type Protocol, type SessionControl } from '@worktable/shared';
import { PREPARE_AHEAD_MS } from './preparedReview.js';
import { member, runtimeOnFakeClock, type RuntimeOnFakeClock } from '../testing/runtimeOnFakeClock.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const cafe = builtInProtocol('world-cafe') as Protocol;
const GRACE = 60_000;
const PEOPLE = Array.from({ length: 12 }, (_, i) => `p${i}`);

/** A café seated at 3 tables, its first round running; `late` is not here yet. */
async function cafeInFirstRound(late: string): Promise<RuntimeOnFakeClock> {
  const r = runtimeOnFakeClock(cafe, [member('host', 'host'), ...[...PEOPLE, late].map((id) => member(id))], GRACE);
  for (const id of ['host', ...PEOPLE]) await r.runtime.presenceChanged(id, 1);
  for (const action of [{ action: 'seat', tableCount: 3 }, { action: 'startRound' }, { action: 'next' }] as const) {
    expect(await r.runtime.apply(action, 'host')).toEqual({ ok: true });
  }
  expect(r.runtime.control.round).toBe(1);
  return r;
}

const seated = (control: SessionControl) => control.tables.flatMap((t) => t.members).sort();

describe('a round change worked out ahead', () => {
  it('RA1 changes at the exact deadline into what working it out at the deadline gives', async () => {
    const r = await cafeInFirstRound('late');
    const due = nextSessionDeadline(r.runtime.control, GRACE)!;
    await vi.advanceTimersByTimeAsync(due - Date.now() - 1);
    const before = r.runtime.control;
    const expected = reviewSession(before, { ...r.runtime.context(), now: due }, 'host', GRACE);
    expect(r.runtime.control.round).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.runtime.control.round).toBe(2);
    expect(r.runtime.control).toEqual(expected.control);
    expect(r.published.at(-1)).toEqual(expected.changed);
    expect(r.errors).toEqual([]);
  });

  it('RA2 someone who arrives after the outcome was worked out is seated in the new round all the same', async () => {
    const r = await cafeInFirstRound('late');
    const due = nextSessionDeadline(r.runtime.control, GRACE)!;
    await vi.advanceTimersByTimeAsync(due - Date.now() - PREPARE_AHEAD_MS / 2); // worked out already
    await r.runtime.presenceChanged('late', 1);
    expect(seated(r.runtime.control)).toContain('late'); // sat down at once
    await vi.advanceTimersByTimeAsync(due - Date.now());
    expect(r.runtime.control.round).toBe(2);
    expect(seated(r.runtime.control)).toEqual([...PEOPLE, 'late'].sort());
    expect(r.errors).toEqual([]);
  });

  it('RA3 someone who leaves in the last second is left out of the new round, as working it out then would', async () => {
    const r = await cafeInFirstRound('late');
    const due = nextSessionDeadline(r.runtime.control, GRACE)!;
    await vi.advanceTimersByTimeAsync(due - Date.now() - PREPARE_AHEAD_MS / 2);
    const worked = r.runtime.control;
    await r.runtime.presenceChanged('p3', -1);
    expect(r.runtime.control).toBe(worked); // leaving changes who is here, not the control state
    const expected = reviewSession(worked, { ...r.runtime.context(), now: due }, 'host', GRACE);
    await vi.advanceTimersByTimeAsync(due - Date.now());
    expect(r.runtime.control.round).toBe(2);
    expect(r.runtime.control).toEqual(expected.control);
    expect(seated(r.runtime.control)).not.toContain('p3');
    expect(r.errors).toEqual([]);
  });
});
