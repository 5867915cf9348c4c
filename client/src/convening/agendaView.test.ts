import { describe, expect, it } from 'vitest';
import type { WireAgenda } from '@worktable/shared';
import { phaseFixture, stateFixture } from '../protocol/fixtures.js';
import { agendaStage, currentBlockOf, currentQuestion, isTogether, nextBlockOf, roundOfLabel } from './agendaView.js';

const blocks: WireAgenda['blocks'] = [
  { id: 'opening', kind: 'plenary', title: 'Welcome', round: 0, question: null, durationMs: 600_000, reseat: false },
  { id: 'round-1', kind: 'tables', title: 'Round 1', round: 1, question: 'What matters most?', durationMs: 1_200_000, reseat: false },
  { id: 'round-2', kind: 'tables', title: 'Round 2', round: 2, question: null, durationMs: 1_200_000, reseat: true },
  { id: 'closing', kind: 'plenary', title: 'Harvest', round: 0, question: null, durationMs: 1_800_000, reseat: false },
];
const at = (index: number, overrides: Parameters<typeof stateFixture>[0] = {}) =>
  stateFixture({
    convening: true,
    agenda: { blocks, index, rounds: 2, held: false, waiting: false, roundStartedAt: null },
    phase: phaseFixture({ prompt: 'Talk at your table.' }),
    ...overrides,
  });

describe('agendaStage', () => {
  it('follows the agenda index in a convening', () => {
    expect(agendaStage(at(-1))).toBe('before');
    expect(agendaStage(at(0))).toBe('going');
    expect(agendaStage(at(4))).toBe('over');
  });

  it('follows the run without an agenda', () => {
    expect(agendaStage(stateFixture({ status: 'lobby' }))).toBe('before');
    expect(agendaStage(stateFixture({ status: 'paused' }))).toBe('going');
    expect(agendaStage(stateFixture({ status: 'done' }))).toBe('over');
  });
});

describe('blocks', () => {
  it('names the current and the next block', () => {
    expect(currentBlockOf(at(-1))).toBeNull();
    expect(nextBlockOf(at(-1))?.id).toBe('opening');
    expect(currentBlockOf(at(1))?.id).toBe('round-1');
    expect(nextBlockOf(at(3))).toBeNull();
    expect(currentBlockOf(stateFixture())).toBeNull();
  });

  it('is together in a plenary block and when everyone is called to the plenary', () => {
    expect(isTogether(at(0))).toBe(true);
    expect(isTogether(at(1))).toBe(false);
    expect(isTogether(at(1, { gathering: 'plenary' }))).toBe(true);
  });
});

describe('roundOfLabel', () => {
  it('counts the rounds at the tables only', () => {
    expect(roundOfLabel(at(0))).toBeNull();
    expect(roundOfLabel(at(1))).toBe('Round 1 of 2');
    expect(roundOfLabel(at(2))).toBe('Round 2 of 2');
    expect(roundOfLabel(at(4))).toBeNull();
  });

  it('uses the protocol’s rounds without an agenda, and says nothing for one round', () => {
    expect(roundOfLabel(stateFixture({ protocolRound: 2, protocolRounds: 3 }))).toBe('Round 2 of 3');
    expect(roundOfLabel(stateFixture())).toBeNull();
  });
});

describe('currentQuestion', () => {
  it('is the round’s question, else the phase’s prompt', () => {
    expect(currentQuestion(at(1))).toBe('What matters most?');
    expect(currentQuestion(at(2))).toBe('Talk at your table.');
    expect(currentQuestion(at(0))).toBe('Talk at your table.');
  });

  it('is nothing before the start, after the end, or with an empty prompt', () => {
    expect(currentQuestion(at(-1))).toBeNull();
    expect(currentQuestion(at(4))).toBeNull();
    expect(currentQuestion(at(2, { phase: phaseFixture({ prompt: '  ' }) }))).toBeNull();
  });
});
