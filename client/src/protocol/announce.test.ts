import { describe, expect, it } from 'vitest';
import { announcementFor, isPhaseEnd } from './announce.js';
import { phaseFixture, stateFixture } from './fixtures.js';

const ME = 'sc';

describe('announcementFor', () => {
  it('says nothing for the first state', () => {
    expect(announcementFor(null, stateFixture(), ME)).toBeNull();
  });

  it('announces a phase change with its duration and who speaks', () => {
    const before = stateFixture({
      phaseIndex: 1,
      phase: phaseFixture({ id: 'presentation', title: 'Presentation', speakers: 'presenter' }),
    });
    const after = stateFixture({ phaseIndex: 2, version: 11 });
    expect(announcementFor(before, after, ME)).toBe('Now: Clarifying questions, 5 minutes. Everyone speaks.');
  });

  it('announces the start from the lobby, with the round when there are several', () => {
    const lobby = stateFixture({ status: 'lobby', phaseIndex: 0, phase: phaseFixture({ endsAt: null }), roles: {} });
    const started = stateFixture({
      phaseIndex: 0,
      protocolRound: 1,
      protocolRounds: 3,
      roles: {},
      phase: phaseFixture({ speakers: 'all-but-presenter' }),
    });
    expect(announcementFor(lobby, started, ME)).toBe(
      'Now: Clarifying questions, 5 minutes. Round 1 of 3. Everyone except the presenter speaks; the presenter listens silently.',
    );
  });

  it('announces the same phase in the next round as a change', () => {
    const r1 = stateFixture({ phaseIndex: 2, protocolRound: 1, protocolRounds: 2 });
    const r2 = stateFixture({ phaseIndex: 6, protocolRound: 2, protocolRounds: 2 });
    expect(announcementFor(r1, r2, ME)).toContain('Round 2 of 2');
  });

  it('announces one minute left once, when the countdown crosses it', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 60_200 }) });
    const b = stateFixture({ phase: phaseFixture({ remainingMs: 59_950 }) });
    const c = stateFixture({ phase: phaseFixture({ remainingMs: 59_700 }) });
    expect(announcementFor(a, b, ME)).toBe('One minute left.');
    expect(announcementFor(b, c, ME)).toBeNull();
  });

  it('never announces ordinary ticks', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 200_000 }) });
    const b = stateFixture({ phase: phaseFixture({ remainingMs: 199_750 }) });
    expect(announcementFor(a, b, ME)).toBeNull();
  });

  it('announces time up once: at zero, not again when the server marks the phase over', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 200 }) });
    const zero = stateFixture({ phase: phaseFixture({ remainingMs: 0 }) });
    const over = stateFixture({ version: 11, phase: phaseFixture({ remainingMs: 0, endsAt: null, over: true }) });
    expect(announcementFor(a, zero, ME)).toBe('Time is up.');
    expect(announcementFor(zero, over, ME)).toBeNull();
    // The server got there first (our clock slightly behind).
    expect(announcementFor(a, over, ME)).toBe('Time is up.');
  });

  it('does not say time is up for a phase that advances by itself', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 200, advance: 'auto' }) });
    const zero = stateFixture({ phase: phaseFixture({ remainingMs: 0, advance: 'auto' }) });
    expect(announcementFor(a, zero, ME)).toBeNull();
  });

  it('announces pause and resume', () => {
    const running = stateFixture();
    const paused = stateFixture({ status: 'paused', phase: phaseFixture({ endsAt: null, remainingMs: 120_000 }) });
    expect(announcementFor(running, paused, ME)).toBe('Paused.');
    expect(announcementFor(paused, running, ME)).toBe('Resumed.');
  });

  it('announces the end of the protocol', () => {
    expect(announcementFor(stateFixture(), stateFixture({ status: 'done', phase: null }), ME)).toBe('Protocol complete.');
  });

  it('announces role changes that concern me, and only those', () => {
    const before = stateFixture();
    const gained = stateFixture({ roles: { facilitator: 'sc', scribe: 'fa', presenter: 'pr' } });
    expect(announcementFor(before, gained, ME)).toBe('You are now the facilitator. You are no longer the scribe.');
    expect(announcementFor(before, gained, 'pr')).toBeNull();
    const two = stateFixture({ roles: { facilitator: 'fa', scribe: 'sc', timekeeper: 'sc', tableHost: 'sc' } });
    expect(announcementFor(before, two, ME)).toBe('You are now the timekeeper and the table host.');
  });

  it('combines a phase change with a role change', () => {
    const lobby = stateFixture({ status: 'lobby', roles: {}, phase: phaseFixture({ endsAt: null }) });
    expect(announcementFor(lobby, stateFixture(), ME)).toBe(
      'Now: Clarifying questions, 5 minutes. Everyone speaks. You are now the scribe.',
    );
  });
});

describe('isPhaseEnd', () => {
  it('fires when the local countdown reaches zero', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 100 }) });
    const b = stateFixture({ phase: phaseFixture({ remainingMs: 0 }) });
    expect(isPhaseEnd(a, b)).toBe(true);
    expect(isPhaseEnd(b, b)).toBe(false);
  });

  it('fires when an auto phase hands over at its deadline before our countdown showed zero', () => {
    const a = stateFixture({ phase: phaseFixture({ remainingMs: 300, advance: 'auto' }) });
    const next = stateFixture({ phaseIndex: 3, phase: phaseFixture({ id: 'probing', title: 'Probing', remainingMs: 600_000 }) });
    expect(isPhaseEnd(a, next)).toBe(true);
  });

  it('does not fire when the facilitator skips ahead early or while paused', () => {
    const early = stateFixture({ phase: phaseFixture({ remainingMs: 120_000 }) });
    const next = stateFixture({ phaseIndex: 3, phase: phaseFixture({ id: 'probing' }) });
    expect(isPhaseEnd(early, next)).toBe(false);
    const paused = stateFixture({ status: 'paused', phase: phaseFixture({ remainingMs: 100 }) });
    expect(isPhaseEnd(paused, stateFixture({ status: 'paused', phase: phaseFixture({ remainingMs: 100 }) }))).toBe(false);
    expect(isPhaseEnd(null, stateFixture())).toBe(false);
  });
});
