/**
 * PreparedReview: a deadline's outcome worked out `PREPARE_AHEAD_MS` before it, and used only for
 * the very state and people it was made from, once the deadline has come. Fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtInProtocol, initialSessionControl, type Protocol, type SessionPerson } from '@worktable/shared';
import { PREPARE_AHEAD_MS, PreparedReview, type Reviewed } from './preparedReview.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const state = initialSessionControl(builtInProtocol('world-cafe') as Protocol, 1);
const people: SessionPerson[] = [{ id: 'host', role: 'host', joinedAt: 0, present: true }];
const reviewed: Reviewed = { control: { ...state, version: state.version + 1 }, changed: 'all' };

describe('PreparedReview', () => {
  it('PR1 works the outcome out PREPARE_AHEAD_MS before the deadline and hands it over once the deadline has come', async () => {
    const upcoming = new PreparedReview();
    const due = Date.now() + 5_000;
    const prepare = vi.fn((_due: number) => ({ state, people, reviewed }));
    upcoming.arm(due, 5_000, prepare);
    await vi.advanceTimersByTimeAsync(5_000 - PREPARE_AHEAD_MS - 1);
    expect(prepare).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(prepare).toHaveBeenCalledWith(due);
    expect(upcoming.take(state, people, due - 1)).toBeNull(); // too early: kept for the deadline
    expect(upcoming.take(state, people, due)).toBe(reviewed);
    expect(upcoming.take(state, people, due)).toBeNull(); // once
    upcoming.arm(due + 10, PREPARE_AHEAD_MS, prepare);
    await vi.advanceTimersByTimeAsync(PREPARE_AHEAD_MS);
    expect(prepare).toHaveBeenCalledTimes(1); // not further ahead than PREPARE_AHEAD_MS: nothing worked out
  });

  it('PR2 is not used for another state, for people whose presence changed, nor after clear', async () => {
    const upcoming = new PreparedReview();
    const due = Date.now() + 2_000;
    const prepare = () => ({ state, people, reviewed });
    upcoming.arm(due, 2_000, prepare);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(upcoming.take({ ...state }, people, due)).toBeNull();
    expect(upcoming.take(state, people, due)).toBeNull(); // a miss forgets it
    upcoming.arm(due, 1_001, prepare);
    await vi.advanceTimersByTimeAsync(1);
    expect(upcoming.take(state, [{ ...people[0]!, present: false }], due)).toBeNull();
    upcoming.arm(due, 1_001, prepare);
    await vi.advanceTimersByTimeAsync(1);
    upcoming.clear();
    expect(upcoming.take(state, people, due)).toBeNull();
  });

  it('PR3 is used for a new list of the same people (a connection that dropped and came back)', async () => {
    const upcoming = new PreparedReview();
    const due = Date.now() + 1_001;
    upcoming.arm(due, 1_001, () => ({ state, people, reviewed }));
    await vi.advanceTimersByTimeAsync(1);
    expect(
      upcoming.take(
        state,
        people.map((p) => ({ ...p })),
        due + 5,
      ),
    ).toBe(reviewed);
  });
});
