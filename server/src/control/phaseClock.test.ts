/**
 * The session runtime's timer on a fake clock: the same `SessionRuntime` the control plane runs,
 * built on its `RuntimeEnvironment` with the state in memory (`runtimeOnFakeClock`). Deadlines are
 * reached by moving the clock, to the millisecond, instead of waiting for 400 ms phases; the
 * control plane's CP4 keeps one real-time run of the same protocol over real sockets.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUICK_PROTOCOL } from '../testing/fixtures.js';
import { member, runtimeOnFakeClock } from '../testing/runtimeOnFakeClock.js';
import { builtInProtocol, type Protocol } from '@worktable/shared';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const tuning = builtInProtocol('tuning') as Protocol;

describe('phase timers on a fake clock', () => {
  it('RC1 advances by itself at each deadline, to the millisecond, and waits where the phase says', async () => {
    const r = runtimeOnFakeClock(QUICK_PROTOCOL, [member('host', 'host'), member('ana')]);
    await r.runtime.presenceChanged('host', 1);
    expect(await r.runtime.apply({ action: 'start' }, 'host')).toEqual({ ok: true });
    const a = r.runtime.stateOf('host').phase!;
    expect(a).toMatchObject({ id: 'a', endsAt: Date.now() + 400 });
    await vi.advanceTimersByTimeAsync(399);
    expect(r.runtime.stateOf('host').phase!.id).toBe('a');
    await vi.advanceTimersByTimeAsync(1);
    expect(r.runtime.stateOf('host').phase).toMatchObject({ id: 'b', endsAt: a.endsAt! + 400 }); // starts at the exact deadline
    await vi.advanceTimersByTimeAsync(400);
    expect(r.runtime.stateOf('host').phase).toMatchObject({ id: 'c', over: false, endsAt: a.endsAt! + 800 });
    await vi.advanceTimersByTimeAsync(400);
    expect(r.runtime.stateOf('host')).toMatchObject({ status: 'running', phase: { id: 'c', over: true, endsAt: null, remainingMs: 0 } });
    expect(r.phasesEnded.flat().map((label) => label.phaseId)).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(60_000); // the last phase waits for the facilitator
    expect(r.runtime.stateOf('host').phase).toMatchObject({ id: 'c', over: true });
    expect(r.errors).toEqual([]);
  });

  it('RC2 a restart resumes the running phase with the right remaining time, and catches up deadlines missed while down', async () => {
    const r = runtimeOnFakeClock(QUICK_PROTOCOL, [member('host', 'host')]);
    await r.runtime.presenceChanged('host', 1);
    await r.runtime.apply({ action: 'start' }, 'host');
    const deadline = r.runtime.stateOf('host').phase!.endsAt!;
    await vi.advanceTimersByTimeAsync(100);
    let back = r.restart();
    await back.resume();
    expect(back.stateOf('host').phase).toMatchObject({ id: 'a', endsAt: deadline, remainingMs: 300 });
    r.restart(); // down again, while phase a's deadline passes
    await vi.advanceTimersByTimeAsync(500);
    back = r.restart();
    await back.resume();
    expect(back.stateOf('host').phase).toMatchObject({ id: 'b', endsAt: deadline + 400 }); // b started at a's deadline, as if nothing stopped
    await vi.advanceTimersByTimeAsync(300);
    expect(back.stateOf('host').phase).toMatchObject({ id: 'c' }); // and its timer is armed again
    expect(r.errors).toEqual([]);
  });

  it('RC3 the facilitator leaves: after the grace (not before) the others are offered the seat, and one accepts', async () => {
    const r = runtimeOnFakeClock(tuning, [member('host', 'host'), member('ana')], 300);
    await r.runtime.presenceChanged('host', 1);
    await r.runtime.presenceChanged('ana', 1);
    await r.runtime.apply({ action: 'start' }, 'host');
    const facilitator = r.runtime.stateOf('host').roles.facilitator;
    const stayer = facilitator === 'host' ? 'ana' : 'host';
    await r.runtime.presenceChanged(facilitator!, -1);
    await vi.advanceTimersByTimeAsync(299);
    expect(r.runtime.stateOf(stayer).offer).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(r.runtime.stateOf(stayer).offer?.to).toContain(stayer);
    expect(r.runtime.stateOf(stayer).roles.facilitator).toBe(facilitator);
    expect(await r.runtime.apply({ action: 'accept' }, stayer)).toEqual({ ok: true });
    expect(r.runtime.stateOf(stayer)).toMatchObject({ offer: null, roles: { facilitator: stayer } });
    expect(r.errors).toEqual([]);
  });
});
