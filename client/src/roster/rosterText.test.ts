import { describe, expect, it } from 'vitest';
import { parseRoster, type RosterPersonView } from '@worktable/shared';
import { arrivalOf, columnsSummary, csvCell, linksCsv, linksText, previewSummary, rosterCounts } from './rosterText.js';

const person = (name: string, organization: string | null, link = `https://w.example/s/abc#token=${name.length}`): RosterPersonView => ({
  participantId: `p-${name}`,
  name,
  organization,
  systemRole: null,
  link,
});

describe('roster words', () => {
  it('summarises a preview and says how the columns were read', () => {
    const roster = parseRoster('Full name,School,Email,Host,Table\nAna,Lincoln,a@x,yes,\nBen,lincoln,,,2\nCy,Roosevelt,,,');
    expect(previewSummary(roster.people)).toBe('3 people · 2 organizations · 1 table host · 1 pinned to a table');
    expect(columnsSummary(roster)).toBe(
      'Columns: “Full name” → name, “School” → organization, “Host” → table host, “Table” → pinned table. Not used: “Email”.',
    );
    expect(columnsSummary(parseRoster('Ana,Lincoln'))).toMatch(/^No header row/);
    expect(previewSummary(parseRoster('name\nAna').people)).toBe('1 person · 0 organizations');
  });

  it('counts who is here and who is expected', () => {
    const people = [person('Ana', null), person('Ben', null), person('Cy', null)];
    expect(
      rosterCounts(
        people,
        new Map([
          ['p-Ana', { present: true }],
          ['p-Ben', { present: false }],
        ]),
      ),
    ).toBe('3 on the roster · 1 here · 2 expected');
    expect(arrivalOf(undefined)).toBe('expected');
  });

  it('writes the links as lines and as CSV, quoting what needs it', () => {
    const people = [
      person('Ana Alvarez', 'Lincoln High', 'https://w/s/x#token=a.b'),
      person('Ben "B" Brook', 'Roosevelt, Middle', 'https://w/s/x#token=c.d'),
    ];
    expect(linksText(people)).toBe(
      'Ana Alvarez (Lincoln High): https://w/s/x#token=a.b\nBen "B" Brook (Roosevelt, Middle): https://w/s/x#token=c.d',
    );
    expect(linksCsv(people)).toBe(
      'name,organization,system role,personal link\r\nAna Alvarez,Lincoln High,,https://w/s/x#token=a.b\r\n"Ben ""B"" Brook","Roosevelt, Middle",,https://w/s/x#token=c.d',
    );
    expect(csvCell('a\nb')).toBe('"a\nb"');
    // What we export, the roster reader reads back.
    expect(parseRoster(linksCsv(people)).people.map((p) => [p.name, p.organization])).toEqual([
      ['Ana Alvarez', 'Lincoln High'],
      ['Ben "B" Brook', 'Roosevelt, Middle'],
    ]);
  });
});
