import { describe, expect, it } from 'vitest';
import { BlockKind, Gathering } from '@worktable/shared';
import { phaseFixture, stateFixture } from '../protocol/fixtures.js';
import { callKeyOf, callPlaceOf, phaseKeyOf, phaseMicPolicy } from './callPlace.js';

describe('where the call is', () => {
  it('CP1 your table while tables work; the plenary’s call when everyone is together, unless the convening has a call link', () => {
    const atTable = stateFixture({ tableId: 't2', convening: true });
    expect(callKeyOf(callPlaceOf(atTable))).toBe('table:t2');
    expect(callPlaceOf(stateFixture({ tableId: null, convening: true }))).toBeNull();
    expect(callPlaceOf({ ...atTable, gathering: Gathering.Plenary })).toEqual({ scope: 'plenary', tableId: null });
    const agenda = {
      blocks: [{ id: 'open', kind: BlockKind.Plenary, title: 'Opening', round: 0, question: null, durationMs: 1, reseat: false }],
      index: 0,
      rounds: 0,
      held: false,
      waiting: false,
      roundStartedAt: null,
    };
    expect(callKeyOf(callPlaceOf({ ...atTable, agenda, tableId: null }))).toBe('plenary');
    expect(callPlaceOf({ ...atTable, agenda, callLink: { url: 'https://meet.example/x', scope: 'convening' } })).toBeNull();
    // One table, no convening: always that table's call.
    expect(callKeyOf(callPlaceOf(stateFixture()))).toBe('table:table-1');
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
