/**
 * Finding people and tables on the dashboard ("Find a person or table") and putting tables in
 * order. Pure: the grid filters on every keystroke, so this stays linear in people + tables.
 */
import { tableNumberOf, type DashboardPerson, type DashboardTable, type RoleName } from '@worktable/shared';
import { rolesOf } from '../protocol/labels.js';

/** People by participant id. */
export type PeopleIndex = ReadonlyMap<string, DashboardPerson>;

/** Indexes people by participant id. */
export function indexPeople(people: readonly DashboardPerson[]): PeopleIndex {
  return new Map(people.map((p) => [p.participantId, p]));
}

/** Text folded for matching: lower case, accents removed, spaces collapsed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Tables in number order (Table 2 before Table 10). */
export function sortTables<T extends Pick<DashboardTable, 'id'>>(tables: readonly T[]): T[] {
  return [...tables].sort((a, b) => tableNumberOf(a.id) - tableNumberOf(b.id) || a.id.localeCompare(b.id));
}

/** What the filter found: the tables to show, and the people whose name or organization matched. */
export interface FilterResult<T> {
  tables: T[];
  /** Participant ids that matched the query (to highlight their chips); empty without a query. */
  people: ReadonlySet<string>;
  /** Unseated participant ids to show. */
  unseated: string[];
}

/** The folded words of some texts, for matching at the start of words. */
function wordsOf(texts: readonly (string | null)[]): string[] {
  return texts.flatMap((text) => (text === null ? [] : fold(text).split(/[^\p{L}\p{N}]+/u))).filter((w) => w.length > 0);
}

/** Whether every query word starts some word of `words` ("ana lin" finds Ana at Lincoln High, "ana" not Hana). */
function matchesWords(words: readonly string[], queryWords: readonly string[]): boolean {
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}

/**
 * Filters tables by `query`: "4" or "table 4" finds Table 4 exactly; other text finds tables
 * whose name or phase matches, and tables where someone's name, organization or system role
 * matches, each query word matching the start of a word. An empty query keeps everything.
 */
export function filterTables<T extends Pick<DashboardTable, 'id' | 'name' | 'phaseTitle' | 'members'>>(
  tables: readonly T[],
  unseated: readonly string[],
  people: PeopleIndex,
  query: string,
): FilterResult<T> {
  const q = fold(query);
  if (q === '') return { tables: [...tables], people: new Set(), unseated: [...unseated] };
  const number = /^(?:table\s*)?(\d+)$/.exec(q);
  if (number?.[1]) {
    const wanted = Number(number[1]);
    return { tables: tables.filter((t) => tableNumberOf(t.id) === wanted), people: new Set(), unseated: [] };
  }
  const queryWords = wordsOf([q]);
  const matched = new Set<string>();
  for (const [id, person] of people)
    if (matchesWords(wordsOf([person.name, person.organization, person.systemRole]), queryWords)) matched.add(id);
  const shown = tables.filter((t) => matchesWords(wordsOf([t.name, t.phaseTitle]), queryWords) || t.members.some((id) => matched.has(id)));
  return { tables: shown, people: matched, unseated: unseated.filter((id) => matched.has(id)) };
}

/** A member chip's facts. */
export interface ChipFacts {
  participantId: string;
  name: string;
  organization: string | null;
  tableHost: boolean;
  newcomer: boolean;
  present: boolean;
  /** On the roster and not here yet (rather than gone). */
  expected: boolean;
  /** Observers follow the session but are never seated: no move for them. */
  observer: boolean;
  pinnedTo: string | null;
  /** Protocol roles held at the table this phase (the table host role is `tableHost` above). */
  roles: RoleName[];
}

/** The chips of a table (or of the unseated list when `table` is null), in the order given: the table host first. */
export function chipsOf(
  members: readonly string[],
  table: Pick<DashboardTable, 'host' | 'newcomers' | 'roles'> | null,
  people: PeopleIndex,
): ChipFacts[] {
  return members.map((id) => {
    const person = people.get(id);
    return {
      participantId: id,
      name: person?.name ?? 'Someone who left',
      organization: person?.organization ?? null,
      tableHost: table?.host === id,
      newcomer: table?.newcomers.includes(id) ?? false,
      present: person?.present ?? false,
      expected: person?.expected ?? false,
      observer: person?.role === 'observer',
      pinnedTo: person?.pinnedTo ?? null,
      roles: table ? rolesOf(table.roles, id).filter((role) => role !== 'tableHost') : [],
    };
  });
}
