import { describe, expect, it } from 'vitest';
import { controlAvailability, rolesInPlay } from './controls.js';
import { phaseFixture, stateFixture } from './fixtures.js';
import { becameFacilitator, canRunControls, nameOf } from './people.js';
import { readyNames, readySummary } from './ready.js';

describe('readySummary', () => {
  const members = ['fa', 'sc', 'pr', 'a', 'b', 'c', 'd'];

  it('counts ready people without the facilitator and asks to confirm while some still work', () => {
    const summary = readySummary(stateFixture({ ready: ['sc', 'pr', 'a', 'b'] }), members);
    expect(summary).toMatchObject({ ready: 4, total: 6, waiting: 2, label: '4 / 6 ready' });
    expect(summary.confirm).toBe('2 people are still working. Move on anyway?');
  });

  it('names who is done and who is still working', () => {
    const summary = readySummary(stateFixture({ ready: ['a', 'sc'] }), ['fa', 'sc', 'a', 'b']);
    expect(readyNames(summary, (id) => id.toUpperCase())).toBe('Done: SC, A · Still working: B');
    expect(readyNames(readySummary(stateFixture({ ready: [] }), ['fa']), (id) => id)).toBe('');
  });

  it('uses the singular for one person', () => {
    expect(readySummary(stateFixture({ ready: ['sc', 'pr', 'a', 'b', 'c'] }), members).confirm).toBe(
      '1 person is still working. Move on anyway?',
    );
  });

  it('needs no confirmation when everyone is ready', () => {
    const summary = readySummary(stateFixture({ ready: ['sc', 'pr', 'a', 'b', 'c', 'd'] }), members);
    expect(summary.confirm).toBeNull();
    expect(summary.label).toBe('6 / 6 ready');
  });

  it('ignores ready ids of people who are not members, and duplicates', () => {
    const summary = readySummary(stateFixture({ ready: ['gone', 'a'] }), ['a', 'a', 'b']);
    expect(summary).toMatchObject({ ready: 1, total: 2, waiting: 1 });
  });
});

describe('controlAvailability', () => {
  it('allows only start, extend and assign in the lobby', () => {
    const can = controlAvailability(stateFixture({ status: 'lobby', phaseIndex: 0 }), false);
    expect(can.start.disabled).toBe(false);
    expect(can.next).toEqual({ disabled: true, reason: 'Start the session first.' });
    expect(can.back.disabled).toBe(true);
    expect(can.pauseResume.disabled).toBe(true);
    expect(can.extend.disabled).toBe(false);
    expect(can.rotate.disabled).toBe(true);
  });

  it('disables Back on the first phase and everything but back when done', () => {
    expect(controlAvailability(stateFixture({ phaseIndex: 0 }), false).back.reason).toBe('This is the first phase.');
    const done = controlAvailability(stateFixture({ status: 'done', phase: null }), false);
    expect(done.back.disabled).toBe(false);
    expect(done.next.reason).toBe('The session is over.');
    expect(done.extend.disabled).toBe(true);
  });

  it('disables everything while an action waits for its ack', () => {
    const can = controlAvailability(stateFixture(), true);
    expect(Object.values(can).every((a) => a.disabled && a.reason === 'Waiting for the server to answer…')).toBe(true);
  });
});

describe('roles and people', () => {
  it('lists the roles in play in canonical order', () => {
    expect(rolesInPlay(stateFixture({ roles: { presenter: 'a' }, rotation: { next: { facilitator: 'b', scribe: 'c' } } }))).toEqual([
      'facilitator',
      'scribe',
      'presenter',
    ]);
    expect(rolesInPlay(stateFixture({ roles: {}, rotation: { next: {} } }), ['reporter', 'facilitator'])).toEqual([
      'facilitator',
      'reporter',
    ]);
  });

  it('lets the host and the current facilitator run the controls, never observers', () => {
    const state = stateFixture();
    expect(canRunControls(state, { participantId: 'fa', role: 'participant' })).toBe(true);
    expect(canRunControls(state, { participantId: 'x', role: 'host' })).toBe(true);
    expect(canRunControls(state, { participantId: 'sc', role: 'participant' })).toBe(false);
    expect(canRunControls(state, { participantId: 'fa', role: 'observer' })).toBe(false);
  });

  it('names people', () => {
    const people = [{ participantId: 'a', name: 'Ana' }];
    expect(nameOf(people, 'a')).toBe('Ana');
    expect(nameOf(people, 'a', 'a')).toBe('you');
    expect(nameOf(people, 'z')).toBe('someone');
    expect(nameOf(people, undefined)).toBe('nobody');
  });

  it('notices when the facilitator seat moves to me, not on the first state', () => {
    const before = stateFixture();
    const after = stateFixture({ roles: { facilitator: 'sc' }, phase: phaseFixture() });
    expect(becameFacilitator(before, after, 'sc')).toBe(true);
    expect(becameFacilitator(after, after, 'sc')).toBe(false);
    expect(becameFacilitator(null, after, 'sc')).toBe(false);
  });
});
