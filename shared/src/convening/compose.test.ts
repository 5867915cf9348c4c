import { describe, expect, it } from 'vitest';
import { builtInProtocol } from '../protocols/builtins.js';
import { RunStatus, type Actor } from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import { composeAgenda, type AgendaPart } from './compose.js';
import { applySessionAction, initialSessionControl, nextSessionDeadline, reviewSession } from './session.js';
import type { SessionContext, SessionControl, SessionPerson } from './sessionTypes.js';
import { sessionStateOf } from './view.js';

const HOST: Actor = { participantId: 'host', isHost: true, isObserver: false };
const find = (id: string) => builtInProtocol(id);
const DAY: AgendaPart[] = [
  { protocolId: 'check-in', place: 'plenary' },
  { protocolId: 'norms', place: 'plenary' },
  { protocolId: '1-2-4-all', place: 'tables' },
  { protocolId: 'world-cafe', place: 'own' },
  { protocolId: 'closing-circle', place: 'plenary' },
];

describe('an agenda composed by hand', () => {
  it('check-in → norms → 1-2-4-All → café rounds → harvest → closing circle', () => {
    const composed = composeAgenda(DAY, find);
    if (!composed.ok) throw new Error(composed.message);
    expect(composed.agenda.map((b) => [b.id, b.kind, b.round, b.reseat, b.protocolTitle])).toEqual([
      ['part-1', 'plenary', 0, false, 'Check-in'],
      ['part-2', 'plenary', 0, false, 'Norms setting'],
      ['round-1', 'tables', 1, false, '1-2-4-All'],
      ['part-3', 'plenary', 0, false, 'World Café'],
      ['round-2', 'tables', 2, false, 'World Café'],
      ['round-3', 'tables', 3, true, 'World Café'],
      ['round-4', 'tables', 4, true, 'World Café'],
      ['part-4', 'plenary', 0, false, 'World Café'],
      ['part-5', 'plenary', 0, false, 'Closing circle'],
    ]);
    // 1-2-4-All at the tables keeps all its phases in one seating round; the café's questions come along.
    expect(composed.agenda[2]?.phases.map((p) => p.id)).toEqual(['one', 'two', 'four', 'all']);
    expect(composed.agenda[4]?.question).toBe(builtInProtocol('world-cafe')?.roundQuestions?.[0]);
  });

  it('refuses what cannot run, with words for people', () => {
    expect(composeAgenda([], find)).toEqual({ ok: false, message: 'Add at least one part to the agenda.' });
    expect(composeAgenda([{ protocolId: 'nope', place: 'plenary' }], find)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Part 1'),
    });
    expect(composeAgenda([{ protocolId: 'check-in', place: 'plenary' }], find)).toMatchObject({
      ok: false,
      message: expect.stringContaining('at the tables'),
    });
  });

  it('runs from start to end with the host composing it, each part with its own protocol’s roles and title', () => {
    const cafe = builtInProtocol('world-cafe') as Protocol;
    const people: SessionPerson[] = [{ id: 'host', role: 'host', joinedAt: 0, present: true }];
    for (let i = 0; i < 12; i++)
      people.push({ id: `p${i}`, role: 'participant', joinedAt: i + 1, present: true, organization: `Org ${i % 4}` });
    let now = 1_800_000_000_000;
    const ctx = (): SessionContext => ({ now, protocol: cafe, people });
    const act = (control: SessionControl, action: Parameters<typeof applySessionAction>[1]): SessionControl => {
      const result = applySessionAction(control, action, HOST, ctx());
      if (!result.ok) throw new Error(result.error.message);
      return result.control;
    };
    let control = act(initialSessionControl(cafe, 5), { action: 'composeAgenda', parts: DAY });
    control = act(control, { action: 'seat', tableCount: 3 });
    expect(control.agenda).toHaveLength(9);
    control = act(control, { action: 'startRound' });
    const seen: string[] = [];
    for (let guard = 0; guard < 60 && control.block < control.agenda.length; guard++) {
      const state = sessionStateOf(control, ctx(), 'p0');
      seen.push(`${state.agenda?.blocks[state.agenda.index]?.id}:${state.protocolTitle}:${state.phase?.id}`);
      if (state.phase?.over || nextSessionDeadline(control, 30_000) === null) control = act(control, { action: 'next' });
      else {
        now = nextSessionDeadline(control, 30_000) as number;
        control = reviewSession(control, ctx(), 'host', 30_000).control;
      }
    }
    expect(control.block).toBe(9);
    expect(sessionStateOf(control, ctx(), 'p0').status).toBe(RunStatus.Done);
    expect([...new Set(seen.map((s) => s.split(':').slice(0, 2).join(':')))]).toEqual([
      'part-1:Check-in',
      'part-2:Norms setting',
      'round-1:1-2-4-All',
      'part-3:World Café',
      'round-2:World Café',
      'round-3:World Café',
      'round-4:World Café',
      'part-4:World Café',
      'part-5:Closing circle',
    ]);
    // Reseated before the café's later rounds only.
    expect(control.seatings.map((s) => s.round)).toEqual([1, 2, 3, 4]);
    expect(control.seatings[1]?.tables).toEqual(control.seatings[0]?.tables);
    expect(control.seatings[2]?.tables).not.toEqual(control.seatings[1]?.tables);
  });
});
