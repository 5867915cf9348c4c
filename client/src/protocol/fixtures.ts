/** Test fixtures: a session's state with sensible defaults (used by the unit tests only). */
import type { WirePhase } from '@worktable/shared';
import type { SessionView } from './sessionView.js';

/** A phase of 5 minutes where everyone speaks, overridable. */
export function phaseFixture(overrides: Partial<WirePhase> = {}): WirePhase {
  return {
    id: 'clarifying',
    title: 'Clarifying questions',
    prompt: 'Ask brief, factual questions.',
    durationMs: 300_000,
    endsAt: null,
    remainingMs: 300_000,
    speakers: 'everyone',
    feedback: ['clarifying'],
    advance: 'facilitator',
    over: false,
    ...overrides,
  };
}

/** A running session at phase 3 of 8, overridable. */
export function stateFixture(overrides: Partial<SessionView> = {}): SessionView {
  return {
    version: 10,
    serverNow: 1_000_000,
    protocolId: 'tuning',
    protocolTitle: 'Tuning Protocol',
    status: 'running',
    phaseIndex: 2,
    phaseCount: 8,
    phase: phaseFixture({ endsAt: 1_300_000 }),
    protocolRound: 0,
    protocolRounds: 1,
    roles: { facilitator: 'fa', scribe: 'sc', presenter: 'pr' },
    locked: {},
    rotation: { next: { facilitator: 'sc', scribe: 'pr', presenter: 'fa' } },
    ready: [],
    offer: null,
    round: 0,
    agenda: null,
    spotlight: null,
    talk: null,
    callLink: null,
    tableId: 'table-1',
    table: { id: 'table-1', name: 'Table 1', members: ['fa', 'sc', 'pr'], host: null, newcomers: [] },
    tableCount: 1,
    seatedCount: 3,
    tables: [{ id: 'table-1', name: 'Table 1' }],
    convening: false,
    clock: 'shared',
    gathering: 'tables',
    broadcast: null,
    vote: null,
    participationShared: false,
    talkTimeInRecord: false,
    focus: null,
    privateWriting: null,
    anonymousReactions: false,
    ...overrides,
  };
}
