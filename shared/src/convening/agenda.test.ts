import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROTOCOLS, builtInProtocol } from '../protocols/builtins.js';
import { timelineOf } from '../protocols/timeline.js';
import type { Protocol } from '../protocols/definition.js';
import { BlockKind, agendaDurationMs, agendaOf, blockProtocol, questionOf, roundCountOf } from './agenda.js';

const CAFES = new Set(['world-cafe', 'knowledge-cafe']);

describe('protocol → agenda', () => {
  it.each(BUILT_IN_PROTOCOLS.map((p) => [p.id, p] as const))(
    '%s: opening and closing in the plenary, each round one seating round',
    (_id, protocol) => {
      const agenda = agendaOf(protocol);
      const tables = agenda.filter((b) => b.kind === BlockKind.Tables);
      expect(tables.map((b) => b.round)).toEqual(Array.from({ length: protocol.rounds }, (_, i) => i + 1));
      expect(roundCountOf(agenda)).toBe(protocol.rounds);
      for (const block of tables) expect(block.phases).toEqual(protocol.round);
      expect(agenda[0]?.kind === BlockKind.Plenary).toBe(protocol.opening.length > 0);
      expect(agenda.at(-1)?.kind === BlockKind.Plenary).toBe(protocol.closing.length > 0);
      // Cafés reseat before every round but the first; groups stay in every other protocol.
      expect(tables.map((b) => b.reseat)).toEqual(tables.map((b) => CAFES.has(protocol.id) && b.round > 1));
      // Nothing is lost or repeated: the blocks hold exactly the protocol's timeline.
      expect(agenda.flatMap((b) => b.phases.map((p) => p.id))).toEqual(timelineOf(protocol).map((s) => s.phase.id));
      expect(agendaDurationMs(agenda)).toBe(timelineOf(protocol).reduce((sum, s) => sum + s.phase.durationMs, 0));
    },
  );

  it('World Café: Welcome once, three café rounds with their own question, the harvest last', () => {
    const cafe = builtInProtocol('world-cafe') as Protocol;
    const agenda = agendaOf(cafe);
    expect(agenda.map((b) => [b.id, b.kind, b.title])).toEqual([
      ['opening', 'plenary', 'Welcome and café etiquette'],
      ['round-1', 'tables', 'Round 1'],
      ['round-2', 'tables', 'Round 2'],
      ['round-3', 'tables', 'Round 3'],
      ['closing', 'plenary', 'Harvest'],
    ]);
    const questions = agenda.map((b) => questionOf(b, {}));
    expect(questions[0]).toBeNull();
    expect(new Set(questions.slice(1, 4)).size).toBe(3);
    // The host's own question wins; an empty one means "no question".
    expect(questionOf(agenda[2]!, { 'round-2': 'What surprised you?' })).toBe('What surprised you?');
    expect(questionOf(agenda[2]!, { 'round-2': '' })).toBeNull();
  });

  it('a block runs as a protocol of its phases only: roles once per block, the plenary deals none', () => {
    const tuning = builtInProtocol('tuning') as Protocol;
    const [round] = agendaOf({ ...tuning, rounds: 2 });
    const perBlock = blockProtocol(tuning, round!);
    expect(timelineOf(perBlock).map((s) => s.phase.id)).toEqual(tuning.round.map((p) => p.id));
    expect(perBlock.rotateAt).toBe('run');
    const cafe = builtInProtocol('world-cafe') as Protocol;
    const opening = agendaOf(cafe)[0]!;
    expect(blockProtocol(cafe, opening).roles).toEqual(['facilitator']);
  });
});
