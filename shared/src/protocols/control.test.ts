import { describe, expect, it } from 'vitest';
import { builtInProtocol } from './builtins.js';
import {
  MAX_FOCUS_CHARS,
  applyControl,
  catchUp,
  focusOf,
  initialControlState,
  nextDeadline,
  reviewFacilitator,
  type Actor,
  type ControlAction,
  type ControlState,
} from './control.js';
import { minutes, type Protocol } from './definition.js';
import { timelineOf } from './timeline.js';

const tuning = builtInProtocol('tuning') as Protocol;
const cafe = builtInProtocol('knowledge-cafe') as Protocol;
const members = ['host', 'ana', 'ben', 'cy', 'dee'];
const host: Actor = { participantId: 'host', isHost: true, isObserver: false };
const T0 = 1_800_000_000_000;

function run(state: ControlState, action: ControlAction, actor: Actor, now: number, protocol = tuning): ControlState {
  const result = applyControl(state, action, actor, { now, protocol, members });
  if (!result.ok) throw new Error(`${action.action} refused: ${result.error.message}`);
  return result.state;
}

describe('control state machine', () => {
  it('C1 start runs the first phase to an absolute deadline and assigns every role to a different person', () => {
    const state = run(initialControlState(tuning, 7), { action: 'start' }, host, T0);
    expect(state.status).toBe('running');
    expect(state.stepIndex).toBe(0);
    expect(state.endsAt).toBe(T0 + minutes(5));
    expect(Object.keys(state.roles).sort()).toEqual(['facilitator', 'presenter', 'scribe', 'timekeeper']);
    expect(new Set(Object.values(state.roles)).size).toBe(4);
    expect(state.version).toBe(2);
  });

  it('C1c the presenter asks the focusing question; the facilitator may reword it; nobody else; it belongs to its presenter', () => {
    let state = run(initialControlState(tuning, 3), { action: 'assign', role: 'presenter', participantId: 'dee' }, host, T0);
    const dee: Actor = { participantId: 'dee', isHost: false, isObserver: false };
    const ben: Actor = { participantId: 'ben', isHost: false, isObserver: false };
    state = run(state, { action: 'focus', text: '  How do I get students   to ask better questions? ' }, dee, T0);
    expect(focusOf(state)).toBe('How do I get students to ask better questions?');
    state = run(state, { action: 'start' }, host, T0);
    expect(focusOf(state)).toBe('How do I get students to ask better questions?');
    const other = state.roles.facilitator === 'ben' ? 'cy' : 'ben';
    expect(
      applyControl(state, { action: 'focus', text: 'Hijacked' }, { ...ben, participantId: other }, { now: T0, protocol: tuning, members }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      applyControl(state, { action: 'focus', text: 'x'.repeat(MAX_FOCUS_CHARS + 1) }, dee, { now: T0, protocol: tuning, members }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const facilitator: Actor = { participantId: state.roles.facilitator!, isHost: false, isObserver: false };
    state = run(state, { action: 'focus', text: 'How do pairs help students ask better questions?' }, facilitator, T0);
    expect(focusOf(state)).toBe('How do pairs help students ask better questions?');
    // Another presenter does not inherit it.
    expect(focusOf({ ...state, roles: { ...state.roles, presenter: 'ana' } })).toBeNull();
    expect(focusOf(run(state, { action: 'focus', text: '' }, dee, T0))).toBeNull();
  });

  it('C1b roles the host assigned in the lobby stand at Start; only the others are dealt', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      let state = run(initialControlState(tuning, seed), { action: 'assign', role: 'presenter', participantId: 'dee' }, host, T0);
      state = run(state, { action: 'assign', role: 'scribe', participantId: 'ben' }, host, T0);
      state = run(state, { action: 'start' }, host, T0);
      expect(state.roles).toMatchObject({ presenter: 'dee', scribe: 'ben' });
      expect(new Set(Object.values(state.roles)).size).toBe(4);
      expect(state.locked).toEqual({}); // kept for this start, not locked for the rounds after
    }
  });

  it('C2 pause keeps the remaining time, resume sets a new deadline, extend adds to either', () => {
    let state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    state = run(state, { action: 'pause' }, host, T0 + 60_000);
    expect(state).toMatchObject({ status: 'paused', endsAt: null, remainingMs: minutes(4) });
    state = run(state, { action: 'extend', ms: 30_000 }, host, T0 + 10 * 60_000);
    expect(state.remainingMs).toBe(minutes(4.5));
    state = run(state, { action: 'resume' }, host, T0 + 20 * 60_000);
    expect(state.endsAt).toBe(T0 + 20 * 60_000 + minutes(4.5));
    state = run(state, { action: 'extend', ms: 60_000 }, host, T0 + 21 * 60_000);
    expect(state.endsAt).toBe(T0 + 20 * 60_000 + minutes(5.5));
  });

  it('C3 next and back restart the phase at full length; next past the last phase ends the run', () => {
    let state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    state = run(state, { action: 'next' }, host, T0 + 1000);
    expect(state.stepIndex).toBe(1);
    expect(state.endsAt).toBe(T0 + 1000 + minutes(15));
    state = run(state, { action: 'back' }, host, T0 + 2000);
    expect(state).toMatchObject({ stepIndex: 0, endsAt: T0 + 2000 + minutes(5) });
    for (let i = 0; i < timelineOf(tuning).length; i++) state = run(state, { action: 'next' }, host, T0 + 3000);
    expect(state).toMatchObject({ status: 'done', endsAt: null });
  });

  it('C4 a phase that waits for the facilitator is marked over at its deadline and waits; extend reopens it from now', () => {
    const state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    const context = { now: T0 + minutes(5) + 10, protocol: tuning, members };
    const over = catchUp(state, context);
    expect(over).toMatchObject({ stepIndex: 0, overAt: T0 + minutes(5), status: 'running' });
    expect(nextDeadline(over)).toBeNull();
    expect(catchUp(over, { ...context, now: context.now + 60_000 })).toBe(over);
    const extended = run(over, { action: 'extend', ms: 60_000 }, host, T0 + minutes(6));
    expect(extended).toMatchObject({ overAt: null, endsAt: T0 + minutes(7) });
  });

  it('C5 auto phases hand over at their exact deadlines, also when catching up after downtime', () => {
    let state = run(initialControlState(cafe, 3), { action: 'start' }, host, T0, cafe);
    state = run(state, { action: 'next' }, host, T0 + minutes(20), cafe); // opening → round 1 (auto)
    const round1Ends = T0 + minutes(20) + minutes(15);
    // The server was down for 20 minutes after round 1 ended: round 2 started at round 1's deadline.
    const caught = catchUp(state, { now: round1Ends + minutes(20), protocol: cafe, members });
    expect(caught.stepIndex).toBe(3); // round 3
    expect(caught.endsAt).toBe(round1Ends + minutes(30));
    expect(caught.rotations).toBe(state.rotations + 2); // roles rotated at rounds 2 and 3
    expect(caught.version).toBe(state.version + 1);
    // Far past every auto phase: stops at the closing circle, which waits for the facilitator.
    const later = catchUp(state, { now: round1Ends + minutes(200), protocol: cafe, members });
    expect(later).toMatchObject({ stepIndex: 4, overAt: round1Ends + minutes(30) + minutes(20) });
  });

  it('C6 only the facilitator or the host may control; anyone may mark ready; observers change nothing', () => {
    const state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    const facilitator = state.roles.facilitator as string;
    const someoneElse = members.find((m) => m !== facilitator && m !== 'host') as string;
    const other: Actor = { participantId: someoneElse, isHost: false, isObserver: false };
    const refused = applyControl(state, { action: 'next' }, other, { now: T0, protocol: tuning, members });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the facilitator or the host can do this.' } });
    expect(run(state, { action: 'next' }, { participantId: facilitator, isHost: false, isObserver: false }, T0).stepIndex).toBe(1);
    expect(run(state, { action: 'ready', ready: true }, other, T0).ready).toEqual([someoneElse]);
    const observer = applyControl(
      state,
      { action: 'ready', ready: true },
      { participantId: 'obs', isHost: false, isObserver: true },
      { now: T0, protocol: tuning, members },
    );
    expect(observer.ok).toBe(false);
    const bad = applyControl(state, { action: 'extend', ms: -5 }, host, { now: T0, protocol: tuning, members });
    expect(bad.ok || bad.error.code).toBe('bad_request');
  });

  it('C7 roles rotate at each round start of a per-round protocol, fairly', () => {
    let state = run(initialControlState(cafe, 5), { action: 'start' }, host, T0, cafe);
    const facilitators = [state.roles.facilitator];
    for (let i = 0; i < 3; i++) {
      state = run(state, { action: 'next' }, host, T0 + i, cafe);
      facilitators.push(state.roles.facilitator);
    }
    // Start + rounds 1..3: four rotations among five people, all different.
    expect(new Set(facilitators).size).toBe(4);
  });

  it('C8 a departed facilitator’s seat is offered after the grace period, never grabbed, and accepted with one action', () => {
    let state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    const gone = state.roles.facilitator as string;
    const present = members.filter((m) => m !== gone);
    const context = (now: number) => ({ now, protocol: tuning, members: present });
    state = reviewFacilitator(state, context(T0 + 1000), 'host', 30_000);
    expect(state.facilitatorAwaySince).toBe(T0 + 1000);
    expect(reviewFacilitator(state, context(T0 + 20_000), 'host', 30_000)).toBe(state);
    state = reviewFacilitator(state, context(T0 + 31_000), 'host', 30_000);
    expect(state.roles.facilitator).toBe(gone); // not grabbed
    expect(state.offer?.to).toContain('host');
    expect(state.offer?.to.length).toBeGreaterThanOrEqual(1);
    expect(state.endsAt).toBe(T0 + minutes(5)); // the timer keeps going
    const taker = state.offer?.to.find((id) => id !== 'host') ?? 'host';
    const accepted = applyControl(
      state,
      { action: 'accept' },
      { participantId: taker, isHost: taker === 'host', isObserver: false },
      context(T0 + 32_000),
    );
    expect(accepted.ok && accepted.state.roles.facilitator).toBe(taker);
    expect(accepted.ok && accepted.state.offer).toBeNull();
  });

  it('C9 a person can pass their role to the next in the rota, not one the host locked to them', () => {
    let state = run(initialControlState(tuning, 1), { action: 'start' }, host, T0);
    const scribe = state.roles.scribe as string;
    const me: Actor = { participantId: scribe, isHost: false, isObserver: false };
    const passed = run(state, { action: 'pass', role: 'scribe' }, me, T0);
    expect(passed.roles.scribe).not.toBe(scribe);
    state = run(state, { action: 'assign', role: 'scribe', participantId: scribe, lock: true }, host, T0);
    expect(applyControl(state, { action: 'pass', role: 'scribe' }, me, { now: T0, protocol: tuning, members }).ok).toBe(false);
  });
});
