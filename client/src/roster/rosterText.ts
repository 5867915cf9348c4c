/**
 * Words and text of the roster screens: the preview's summary and columns, the roster's counts,
 * and the personal links as text and as a CSV for a mail merge. Pure.
 */
import { ROSTER_FIELD_LABELS, type DashboardPerson, type RosterField, type RosterParse, type RosterPersonView } from '@worktable/shared';
import { countOf } from '../dashboard/format.js';

/** "12 people · 4 organizations · 3 table hosts · 2 pinned to a table". */
export function previewSummary(people: RosterParse['people']): string {
  const organizations = new Set(people.map((p) => p.organization?.toLowerCase()).filter((o): o is string => !!o)).size;
  const hosts = people.filter((p) => p.tableHost).length;
  const pinned = people.filter((p) => p.pinnedTable !== null && !p.tableHost).length;
  const parts = [countOf(people.length, 'person', 'people'), countOf(organizations, 'organization')];
  if (hosts > 0) parts.push(countOf(hosts, 'table host'));
  if (pinned > 0) parts.push(`${pinned} pinned to a table`);
  return parts.join(' · ');
}

/** How the columns were read: "“Full name” → name, “School” → organization", or the headerless order. */
export function columnsSummary(roster: Pick<RosterParse, 'columns' | 'headerless' | 'ignoredHeaders'>): string {
  if (roster.headerless) return 'No header row: the columns are read as name, organization, system role, table host, pinned table.';
  const read = (Object.entries(roster.columns) as [RosterField, string][]).map(
    ([field, header]) => `“${header}” → ${ROSTER_FIELD_LABELS[field]}`,
  );
  const ignored = roster.ignoredHeaders.length > 0 ? ` Not used: ${roster.ignoredHeaders.map((h) => `“${h}”`).join(', ')}.` : '';
  return `Columns: ${read.join(', ')}.${ignored}`;
}

/** Where a rostered person is: here now, or expected. */
export function arrivalOf(person: Pick<DashboardPerson, 'present'> | undefined): 'here' | 'expected' {
  return person?.present ? 'here' : 'expected';
}

/** "12 on the roster · 2 here · 10 expected". */
export function rosterCounts(people: readonly RosterPersonView[], byId: ReadonlyMap<string, Pick<DashboardPerson, 'present'>>): string {
  const here = people.filter((p) => arrivalOf(byId.get(p.participantId)) === 'here').length;
  return `${people.length} on the roster · ${here} here · ${people.length - here} expected`;
}

/** A person as the link lists name them: "Ana Alvarez (Lincoln High)". */
function nameWithOrganization(person: Pick<RosterPersonView, 'name' | 'organization'>): string {
  return person.organization ? `${person.name} (${person.organization})` : person.name;
}

/** Every personal link, one line each: "Ana Alvarez (Lincoln High): https://…". */
export function linksText(people: readonly RosterPersonView[]): string {
  return people.map((p) => `${nameWithOrganization(p)}: ${p.link}`).join('\n');
}

/** A CSV cell: quoted when it holds a comma, quote or line break (quotes doubled). */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The personal links as CSV (name, organization, system role, personal link), for a mail merge. */
export function linksCsv(people: readonly RosterPersonView[]): string {
  const rows = people.map((p) => [p.name, p.organization, p.systemRole, p.link].map(csvCell).join(','));
  return ['name,organization,system role,personal link', ...rows].join('\r\n');
}

/** Announced after naming a table host: "Ana Alvarez hosts Table 2 (they stay there when others move)". */
export function hostSentence(name: string, tableName: string): string {
  return `${name} hosts ${tableName} (they stay there when others move)`;
}

/** What an import did: "Imported 12 people: 10 new, 2 updated." */
export function importedSentence(result: { added: number; updated: number }): string {
  return `Imported ${countOf(result.added + result.updated, 'person', 'people')}: ${result.added} new, ${result.updated} updated.`;
}
