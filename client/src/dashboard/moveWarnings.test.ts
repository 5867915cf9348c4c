import { describe, expect, it } from 'vitest';
import type { PlannedRound } from '@worktable/shared';
import { payloadFixture, personFixture, tableFixture } from './fixtures.js';
import { hasWarnings, moveWarningSentences, moveWarnings } from './moveWarnings.js';

const planned = (round: number, tables: string[][], started: boolean): PlannedRound => ({
  round,
  blockId: `round-${round}`,
  tables: tables.map((members, i) => ({ id: `table-${i + 1}`, name: `Table ${i + 1}`, members, host: null })),
  repeatedPairs: 0,
  sameOrganizationTables: 0,
  started,
});

describe('move warnings', () => {
  const people = [
    personFixture('Ana', { organization: 'Lincoln' }),
    personFixture('Ben', { organization: 'Lincoln' }),
    personFixture('Cy', { organization: 'Roosevelt' }),
    personFixture('Dev', { organization: 'Lincoln' }),
    personFixture('Eli'),
  ];
  const tables = [tableFixture(1, ['p-Ana', 'p-Cy']), tableFixture(2, ['p-Ben', 'p-Dev', 'p-Eli'])];

  it('names who shares the organization and who sat together in earlier rounds', () => {
    const plan = [
      planned(
        1,
        [
          ['p-Ana', 'p-Eli'],
          ['p-Ben', 'p-Cy', 'p-Dev'],
        ],
        true,
      ),
      planned(
        2,
        [
          ['p-Ana', 'p-Cy'],
          ['p-Ben', 'p-Dev', 'p-Eli'],
        ],
        true,
      ),
      planned(3, [['p-Ana', 'p-Dev']], false),
    ];
    const dashboard = payloadFixture(tables, people, { round: 2, plan });
    const warnings = moveWarnings('p-Ana', 'table-2', dashboard);
    expect(warnings).toEqual({
      sameOrganization: { organization: 'Lincoln', names: ['Ben', 'Dev'] },
      metBefore: [{ name: 'Eli', rounds: [1] }],
    });
    expect(moveWarningSentences('Ana', warnings)).toEqual(['Ben and Dev are also of Lincoln.', 'Ana already sat with Eli (round 1).']);
    // Round 3 is planned, not sat: no warning from it.
    const later = moveWarnings('p-Cy', 'table-2', payloadFixture(tables, people, { round: 3, plan }));
    expect(later.metBefore).toEqual([
      { name: 'Ben', rounds: [1] },
      { name: 'Dev', rounds: [1] },
    ]);
    expect(moveWarningSentences('Cy', later)).toEqual(['Cy already sat with Ben (round 1) and Dev (round 1).']);
  });

  it('says nothing when nobody there shares the organization or sat with them', () => {
    const warnings = moveWarnings('p-Eli', 'table-1', payloadFixture(tables, people));
    expect(hasWarnings(warnings)).toBe(false);
    expect(moveWarningSentences('Eli', warnings)).toEqual([]);
    // Their own table: themselves never count.
    expect(moveWarnings('p-Ben', 'table-2', payloadFixture(tables, people)).sameOrganization).toEqual({
      organization: 'Lincoln',
      names: ['Dev'],
    });
  });
});
