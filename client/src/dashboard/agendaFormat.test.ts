import { describe, expect, it } from 'vitest';
import type { WireAgenda } from '@worktable/shared';
import { blockName, nextBlockOf } from '../convening/agendaView.js';
import { agendaPositionLabel, hostStage } from './agendaFormat.js';

const agenda = (index: number, waiting = false): WireAgenda => ({
  blocks: [
    { id: 'opening', kind: 'plenary', title: 'Welcome', round: 0, question: null, durationMs: 600_000, reseat: false },
    { id: 'round-1', kind: 'tables', title: 'Round 1', round: 1, question: 'Why?', durationMs: 1_200_000, reseat: false },
    { id: 'round-2', kind: 'tables', title: 'Round 2', round: 2, question: 'How?', durationMs: 1_200_000, reseat: true },
    { id: 'closing', kind: 'plenary', title: 'Harvest', round: 0, question: null, durationMs: 1_800_000, reseat: false },
  ],
  index,
  rounds: 2,
  held: waiting,
  waiting,
  roundStartedAt: null,
});

describe('agenda words', () => {
  it('names the stage and the position', () => {
    expect(hostStage(null)).toBe('unseated');
    expect([-1, 0, 4].map((i) => hostStage(agenda(i)))).toEqual(['ready', 'going', 'over']);
    expect(hostStage(agenda(1, true))).toBe('waiting');
    expect(agendaPositionLabel(agenda(0))).toBe('Welcome · everyone together');
    expect(agendaPositionLabel(agenda(2))).toBe('Round 2 of 2 · at the tables');
    expect(agendaPositionLabel(agenda(4))).toBe('The agenda is over');
  });
  it('names the next block', () => {
    const a = agenda(1);
    expect(blockName(nextBlockOf({ agenda: a })!, a.rounds)).toBe('Round 2');
    expect(nextBlockOf({ agenda: agenda(3) })).toBeNull();
    expect(blockName(a.blocks[1]!, 1)).toBe('Round 1');
  });
});
