import { describe, expect, it } from 'vitest';
import type { PlannedRound } from '@worktable/shared';
import { personFixture } from '../dashboard/fixtures.js';
import { itinerariesOf, itinerariesText, itineraryLine, stopsText } from './itinerary.js';
import { canReshuffle, leftOutOfPlan, roundSummary } from './planText.js';

const round = (n: number, tables: [string, string[], string | null][], started = false): PlannedRound => ({
  round: n,
  blockId: `round-${n}`,
  tables: tables.map(([id, members, host]) => ({ id, name: id.replace('table-', 'Table '), members, host })),
  repeatedPairs: 0,
  sameOrganizationTables: 0,
  started,
});

const plan = [
  round(1, [
    ['table-1', ['p-Cy', 'p-Ana'], 'p-Ana'],
    ['table-2', ['p-Ben'], null],
  ]),
  round(2, [
    ['table-1', ['p-Ana', 'p-Ben'], 'p-Ana'],
    ['table-2', ['p-Cy'], null],
  ]),
  round(3, [
    ['table-1', ['p-Ana'], 'p-Ana'],
    ['table-3', ['p-Ben'], null],
  ]),
];

describe('itineraries', () => {
  it('gives everyone in the plan their table in every round, by name, hosts marked', () => {
    const people = [personFixture('Cy'), personFixture('Ana', { organization: 'Lincoln' }), personFixture('Ben'), personFixture('Dee')];
    const list = itinerariesOf(plan, people);
    expect(list.map((i) => i.name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(itineraryLine(list[0]!)).toBe('Ana — Round 1: Table 1 (host) · Round 2: Table 1 (host) · Round 3: Table 1 (host)');
    expect(stopsText(list[2]!.stops)).toBe('Round 1: Table 1 · Round 2: Table 2 · Round 3: not seated');
    expect(itinerariesText(list).split('\n')).toHaveLength(3);
  });

  it('sums up a round, finds who the plan leaves out, and knows when it can be reshuffled', () => {
    expect(roundSummary({ repeatedPairs: 0, sameOrganizationTables: 0 })).toBe(
      'No repeated pairs · no table with two people of one organization',
    );
    expect(roundSummary({ repeatedPairs: 2, sameOrganizationTables: 1 })).toBe(
      '2 repeated pairs · 1 table with two people of one organization',
    );
    const people = [
      personFixture('Ana'),
      personFixture('Ben'),
      personFixture('Cy'),
      personFixture('Eve', { present: false, expected: true }),
      personFixture('Gil', { present: false }),
      personFixture('Hal', { role: 'host' }),
    ];
    expect(leftOutOfPlan({ plan, people, includeHost: false }).map((p) => p.name)).toEqual(['Eve']);
    expect(leftOutOfPlan({ plan, people, includeHost: true }).map((p) => p.name)).toEqual(['Eve', 'Hal']);
    expect(leftOutOfPlan({ plan: [round(1, [], true)], people, includeHost: false })).toEqual([]);
    expect(canReshuffle(plan)).toBe(true);
    expect(canReshuffle([round(1, [], true), round(2, [])])).toBe(false);
    expect(canReshuffle([])).toBe(false);
  });
});
