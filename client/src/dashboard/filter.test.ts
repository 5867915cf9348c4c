import { describe, expect, it } from 'vitest';
import { personFixture, tableFixture } from './fixtures.js';
import { chipsOf, filterTables, fold, indexPeople, sortTables } from './filter.js';

describe('dashboard filter', () => {
  const people = indexPeople([
    personFixture('Ana', { organization: 'Lincoln High' }),
    personFixture('Bo', { organization: 'Roosevelt' }),
    personFixture('José', { systemRole: 'district leader' }),
    personFixture('Cy', { organization: 'Lincoln High', pinnedTo: 'table-2' }),
  ]);
  const tables = [
    tableFixture(1, ['p-Ana', 'p-Bo'], { phaseTitle: 'Clarifying questions' }),
    tableFixture(4, ['p-José']),
    tableFixture(40, []),
  ];

  it('folds case, accents and spaces', () => {
    expect(fold('  JOSÉ   Pérez ')).toBe('jose perez');
  });

  it('keeps everything without a query', () => {
    const result = filterTables(tables, ['p-Cy'], people, '   ');
    expect(result.tables).toHaveLength(3);
    expect(result.unseated).toEqual(['p-Cy']);
    expect(result.people.size).toBe(0);
  });

  it('finds a table by number exactly', () => {
    expect(filterTables(tables, [], people, '4').tables.map((t) => t.id)).toEqual(['table-4']);
    expect(filterTables(tables, [], people, 'Table 40').tables.map((t) => t.id)).toEqual(['table-40']);
  });

  it('finds tables by a person’s name, organization or system role, and marks who matched', () => {
    const byName = filterTables(tables, [], people, 'jose');
    expect(byName.tables.map((t) => t.id)).toEqual(['table-4']);
    expect([...byName.people]).toEqual(['p-José']);
    const byOrg = filterTables(tables, ['p-Cy'], people, 'lincoln');
    expect(byOrg.tables.map((t) => t.id)).toEqual(['table-1']);
    expect(byOrg.unseated).toEqual(['p-Cy']);
    expect(filterTables(tables, [], people, 'district').tables.map((t) => t.id)).toEqual(['table-4']);
  });

  it('matches query words at the start of words, across name and organization', () => {
    const withHana = indexPeople([...people.values(), personFixture('Hana', { organization: 'Roosevelt' })]);
    const seated = [tableFixture(1, ['p-Ana']), tableFixture(2, ['p-Hana'])];
    expect(filterTables(seated, [], withHana, 'ana').tables.map((t) => t.id)).toEqual(['table-1']);
    expect(filterTables(seated, [], withHana, 'ana lin').tables.map((t) => t.id)).toEqual(['table-1']);
    expect(filterTables(seated, [], withHana, 'ana roose').tables).toEqual([]);
  });

  it('finds tables by phase title', () => {
    expect(filterTables(tables, [], people, 'clarifying').tables.map((t) => t.id)).toEqual(['table-1']);
  });

  it('sorts tables by number', () => {
    expect(sortTables([{ id: 'table-10' }, { id: 'table-2' }, { id: 'table-1' }]).map((t) => t.id)).toEqual([
      'table-1',
      'table-2',
      'table-10',
    ]);
  });

  it('describes chips: table host, newcomers, pins and people who left', () => {
    const table = tableFixture(1, ['p-Ana', 'p-Cy', 'p-gone'], { newcomers: ['p-Cy'], roles: { facilitator: 'p-Cy', tableHost: 'p-Ana' } });
    const chips = chipsOf(table.members, table, people);
    expect(chips.map((c) => [c.name, c.tableHost, c.newcomer, c.pinnedTo])).toEqual([
      ['Ana', true, false, null],
      ['Cy', false, true, 'table-2'],
      ['Someone who left', false, false, null],
    ]);
    expect(chips[2]?.present).toBe(false);
    expect(chipsOf(['p-Eve'], null, indexPeople([personFixture('Eve', { present: false, expected: true })]))[0]).toMatchObject({
      present: false,
      expected: true,
    });
    expect(chips.map((c) => c.roles)).toEqual([[], ['facilitator'], []]);
    expect(chipsOf(['p-Bo'], null, people)[0]?.tableHost).toBe(false);
  });
});
