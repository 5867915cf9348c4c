import { describe, expect, it } from 'vitest';
import { MAX_TABLES } from '../convening/sessionTypes.js';
import { fieldOfHeader } from './columns.js';
import { MAX_ROSTER_PEOPLE, describeRosterProblem, parseRoster, readTableNumber, readYesNo, rosterKey } from './roster.js';

const problemsOf = (text: string) => parseRoster(text).problems.map(describeRosterProblem);

describe('rosters', () => {
  it('RO1 reads a header in any order and case, with common spellings, and ignores other columns', () => {
    const roster = parseRoster(
      'Table #,E-mail,Full Name,Organisation,Role,Host?\n3,ana@x.org,Ana Alvarez,Lincoln High,teacher,yes\n,,Ben Brook,,,',
    );
    expect(roster.problems).toEqual([]);
    expect(roster.columns).toEqual({
      pinnedTable: 'Table #',
      name: 'Full Name',
      organization: 'Organisation',
      systemRole: 'Role',
      tableHost: 'Host?',
    });
    expect(roster.ignoredHeaders).toEqual(['E-mail']);
    expect(roster.people).toEqual([
      {
        line: 2,
        name: 'Ana Alvarez',
        organization: 'Lincoln High',
        systemRole: 'teacher',
        tableHost: true,
        pinnedTable: 3,
        tableChosen: false,
      },
      { line: 3, name: 'Ben Brook', organization: null, systemRole: null, tableHost: false, pinnedTable: null, tableChosen: false },
    ]);
    expect(['SCHOOL', 'system_role', 'Pinned Table', 'table host', 'Given name'].map(fieldOfHeader)).toEqual([
      'organization',
      'systemRole',
      'pinnedTable',
      'tableHost',
      'firstName',
    ]);
  });

  it('RO2 joins first and last name columns; reads semicolons and tabs', () => {
    expect(parseRoster('First name;Last name;School\nAna;Alvarez;Lincoln').people[0]).toMatchObject({
      name: 'Ana Alvarez',
      organization: 'Lincoln',
    });
    expect(parseRoster('name\torg\nAna  Alvarez \tLincoln, High').people[0]).toMatchObject({
      name: 'Ana Alvarez',
      organization: 'Lincoln, High',
    });
  });

  it('RO3 without a header reads name, organization, system role, table host, pinned table', () => {
    const roster = parseRoster('Ana Alvarez,Lincoln High,teacher,yes,Table 2\nBen Brook,Roosevelt');
    expect(roster.headerless).toBe(true);
    expect(roster.people.map((p) => [p.line, p.name, p.organization, p.tableHost, p.pinnedTable])).toEqual([
      [1, 'Ana Alvarez', 'Lincoln High', true, 2],
      [2, 'Ben Brook', 'Roosevelt', false, null],
    ]);
  });

  it('RO4 names every problem by line and field', () => {
    const text = [
      'name,organization,table host,pinned table',
      'Ana,Lincoln,yes,1',
      ',Lincoln,,',
      'Cy,,maybe,',
      'Dev,,,999',
      'Eli,,,table five',
      'ana ,LINCOLN,,',
      'Fay,x,,,extra',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'line 3: name: is required',
      'line 4: table host: write yes or no (not "maybe")',
      `line 5: pinned table: write a table number from 1 to ${MAX_TABLES} (not "999")`,
      `line 6: pinned table: write a table number from 1 to ${MAX_TABLES} (not "table five")`,
      'line 7: name: ana of LINCOLN is already on line 2; keep one of the two lines',
      'line 8: has 5 values but the header has 4; put quotes around values that contain a comma',
    ]);
    expect(parseRoster(text).people.map((p) => p.name)).toEqual(['Ana']);
  });

  it('RO5 refuses headers without names, two columns for one thing, long values, empty rosters and too many people', () => {
    expect(problemsOf('organization,role\nLincoln,teacher')).toEqual([
      'line 1: the header row has no name column: call the column with people’s names "name"',
    ]);
    expect(problemsOf('name,school,district\nAna,A,B')).toEqual([
      'line 1: organization: two columns ("school" and "district") say the organization; keep one',
    ]);
    expect(problemsOf(`name\n${'x'.repeat(81)}`)).toEqual(['line 2: name: must be at most 80 characters']);
    expect(problemsOf('  \n\n')).toEqual(['the roster is empty: paste a header row and one line per person']);
    expect(problemsOf('name\n')).toEqual(['the roster has a header row but nobody on it: add one line per person']);
    const many = ['name', ...Array.from({ length: MAX_ROSTER_PEOPLE + 1 }, (_, i) => `Person ${i}`)].join('\n');
    expect(problemsOf(many)).toEqual(['the roster names 1,001 people; import at most 1,000 at a time']);
    expect(problemsOf('name\n"Ana')).toEqual(['line 2: a quoted value is not closed: add the closing " (or remove the opening one)']);
  });

  it('RO6 gives table hosts without a table the first free one, and refuses two hosts at one table', () => {
    const roster = parseRoster('name,table host,pinned table\nA,yes,\nB,yes,1\nC,yes,\nD,,1');
    expect(roster.people.map((p) => [p.name, p.pinnedTable, p.tableChosen])).toEqual([
      ['A', 2, true],
      ['B', 1, false],
      ['C', 3, true],
      ['D', 1, false],
    ]);
    expect(problemsOf('name,host,table\nA,yes,2\nB,yes,2')).toEqual([
      'line 3: table host: Table 2 already has a host (A, line 2); give one of them another table',
    ]);
  });

  it('RO7 reads yes/no and table numbers as people write them; one key per person', () => {
    expect(['Yes', 'Y', 'x', 'TRUE', '1', '✓', ''].map(readYesNo)).toEqual([true, true, true, true, true, true, false]);
    expect(readYesNo('perhaps')).toBeNull();
    expect(['3', 'Table 3', 'table-3', 'T3', '#3', 'three'].map(readTableNumber)).toEqual([3, 3, 3, 3, 3, null]);
    expect(rosterKey(' Ána  Alvarez', 'lincoln high')).toBe(rosterKey('ana alvarez', 'Lincoln High'));
    expect(rosterKey('Ana', null)).toBe(rosterKey('ana', ''));
    expect(rosterKey('Ana', 'A')).not.toBe(rosterKey('Ana', 'B'));
  });
});
