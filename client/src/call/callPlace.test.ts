import { describe, expect, it } from 'vitest';
import { BlockKind, Gathering } from '@worktable/shared';
import { phaseFixture, stateFixture } from '../protocol/fixtures.js';
import { callTableOf, phaseKeyOf, phaseMicPolicy } from './callPlace.js';

describe('where the call is', () => {
  it('CP1 your table while tables work; none in the plenary or when called together', () => {
    const atTable = stateFixture({ tableId: 't2' });
    expect(callTableOf(atTable)).toBe('t2');
    expect(callTableOf(stateFixture({ tableId: null }))).toBeNull();
    expect(callTableOf({ ...atTable, gathering: Gathering.Plenary })).toBeNull();
    const agenda = { blocks: [{ id: 'open', kind: BlockKind.Plenary, title: 'Opening', round: 0, question: null, durationMs: 1, reseat: false }], index: 0, rounds: 0, held: false, waiting: false, roundStartedAt: null };
    expect(callTableOf({ ...atTable, agenda })).toBeNull();
  });

  it('CP2 the presenter listens while the group talks; everyone starts muted in silent phases', () => {
    const feedback = stateFixture({ phase: phaseFixture({ speakers: 'all-but-presenter' }), roles: { presenter: 'p1' } });
    expect(phaseMicPolicy(feedback, 'p1')).toMatchObject({ muted: true, listening: true });
    expect(phaseMicPolicy(feedback, 'p2')).toMatchObject({ muted: false, listening: false });
    const silent = stateFixture({ phase: phaseFixture({ speakers: 'silent' }) });
    expect(phaseMicPolicy(silent, 'p2')).toMatchObject({ muted: true, listening: false });
    expect(phaseKeyOf(feedback)).not.toBe(phaseKeyOf(silent));
  });
});
