/**
 * A host's roster, from CSV text to the people it names: a header row in any column order (or
 * none, then name, organization, system role, table host, pinned table), one person per line,
 * every problem named by line and field ("line 4: name: is required"), each person once, at most
 * `MAX_ROSTER_PEOPLE`. Table hosts without a table get the first table no other host of the
 * roster has. Pure: the dashboard previews with it and the server imports with it.
 */
import { MAX_NAME_LENGTH, MAX_ORGANIZATION_LENGTH, MAX_ROSTER_CHARS } from '../api.js';
import { MAX_TABLES } from '../convening/sessionTypes.js';
import { HEADERLESS_COLUMNS, ROSTER_FIELD_LABELS, RosterField, fieldOfHeader } from './columns.js';
import { parseCsv, type CsvRecord } from './csv.js';

/** Most people one import may name. */
export const MAX_ROSTER_PEOPLE = 1_000;

/** One person of a roster. */
export interface RosterEntry {
  /** The line of the CSV where they are (1-based). */
  line: number;
  name: string;
  organization: string | null;
  systemRole: string | null;
  tableHost: boolean;
  /** The table to pin them to (1-based), or null. */
  pinnedTable: number | null;
  /** The roster gave a table host no table: `pinnedTable` is the first one free. */
  tableChosen: boolean;
}

/** A problem in the roster; `line` null for the roster as a whole. */
export interface RosterProblem {
  line: number | null;
  field: RosterField | null;
  message: string;
}

/** Which header (as written) each field was read from; headerless rosters name the field itself. */
export type RosterColumns = Partial<Record<RosterField, string>>;

/** What a roster says. Import it only when `problems` is empty. */
export interface RosterParse {
  people: RosterEntry[];
  problems: RosterProblem[];
  columns: RosterColumns;
  /** The first line was not a header: the columns were read in the documented order. */
  headerless: boolean;
  /** Headers that name nothing Worktable keeps (e.g. "Email"); their values are left out. */
  ignoredHeaders: string[];
}

/** "line 4: name: is required", the way every roster problem is shown and returned. */
export function describeRosterProblem(problem: RosterProblem): string {
  const where = problem.line === null ? '' : `line ${problem.line}: `;
  const field = problem.field === null ? '' : `${ROSTER_FIELD_LABELS[problem.field]}: `;
  return `${where}${field}${problem.message}`;
}

/** Text folded to compare people: lower case, accents removed, spaces collapsed. */
function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Who a person is for matching: the same name at the same organization is the same person (case and accents aside). */
export function rosterKey(name: string, organization: string | null | undefined): string {
  return `${foldText(name)}\u0000${foldText(organization ?? '')}`;
}

/** A cell's text: trimmed, inner runs of spaces collapsed. */
function cellText(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

const YES: ReadonlySet<string> = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'host', 'tablehost', 'oui', 'ja', 'si', 'sí']);
const NO: ReadonlySet<string> = new Set(['', 'no', 'n', 'false', '0', '-', 'non', 'nein']);

/** A table host cell as yes/no, or null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const folded = value.toLowerCase().replace(/[\s.]/g, '');
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}

/** A pinned table cell ("3", "Table 3", "table-3", "T3", "#3") as its number, or null when it is none. */
export function readTableNumber(value: string): number | null {
  const match = /^(?:table|tbl|t)?\s*[-#:]?\s*(\d{1,4})$/i.exec(value.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** Which field each column holds (null: ignored), from a header row or the headerless order. */
interface Layout {
  fields: (RosterField | null)[];
  columns: RosterColumns;
  headerless: boolean;
  ignoredHeaders: string[];
  /** The header's line, when there is one. */
  headerLine: number | null;
}

function layoutOf(first: CsvRecord, problems: RosterProblem[]): Layout {
  const fields = first.fields.map((header) => fieldOfHeader(header));
  if (fields.every((field) => field === null)) {
    const columns: RosterColumns = {};
    for (const field of HEADERLESS_COLUMNS) columns[field] = ROSTER_FIELD_LABELS[field];
    return { fields: HEADERLESS_COLUMNS.slice(), columns, headerless: true, ignoredHeaders: [], headerLine: null };
  }
  const columns: RosterColumns = {};
  const ignoredHeaders: string[] = [];
  fields.forEach((field, i) => {
    const header = cellText(first.fields[i]);
    if (field === null) {
      if (header !== '') ignoredHeaders.push(header);
      return;
    }
    const earlier = columns[field];
    if (earlier !== undefined)
      problems.push({
        line: first.line,
        field,
        message: `two columns ("${earlier}" and "${header}") say the ${ROSTER_FIELD_LABELS[field]}; keep one`,
      });
    else columns[field] = header;
  });
  const named = columns.name !== undefined || columns.firstName !== undefined || columns.lastName !== undefined;
  if (!named)
    problems.push({
      line: first.line,
      field: null,
      message: 'the header row has no name column: call the column with people’s names "name"',
    });
  return { fields, columns, headerless: false, ignoredHeaders, headerLine: first.line };
}

/** A text field's value, or a problem when it is too long. */
function limited(value: string, max: number, line: number, field: RosterField, problems: RosterProblem[]): string | null {
  if (value === '') return null;
  if (value.length > max) {
    problems.push({ line, field, message: `must be at most ${max} characters` });
    return null;
  }
  return value;
}

/** Reads one person's record; problems go to `problems`; null when the record is unusable. */
function entryOf(record: CsvRecord, layout: Layout, problems: RosterProblem[]): RosterEntry | null {
  const { line } = record;
  const cells: Partial<Record<RosterField, string>> = {};
  record.fields.forEach((value, i) => {
    const field = layout.fields[i];
    if (field) cells[field] = cellText(value);
  });
  const extra = record.fields.slice(layout.fields.length).filter((value) => cellText(value) !== '');
  const before = problems.length;
  if (extra.length > 0) {
    const expected = layout.headerless
      ? `a roster without a header has at most ${layout.fields.length}`
      : `the header has ${layout.fields.length}`;
    problems.push({
      line,
      field: null,
      message: `has ${record.fields.length} values but ${expected}; put quotes around values that contain a comma`,
    });
  }
  const name = cells.name || [cells.firstName, cells.lastName].filter((part) => part).join(' ');
  if (name === '') problems.push({ line, field: RosterField.Name, message: 'is required' });
  else if (name.length > MAX_NAME_LENGTH)
    problems.push({ line, field: RosterField.Name, message: `must be at most ${MAX_NAME_LENGTH} characters` });
  const organization = limited(cells.organization ?? '', MAX_ORGANIZATION_LENGTH, line, RosterField.Organization, problems);
  const systemRole = limited(cells.systemRole ?? '', MAX_NAME_LENGTH, line, RosterField.SystemRole, problems);
  const hostCell = cells.tableHost ?? '';
  const tableHost = readYesNo(hostCell);
  if (tableHost === null) problems.push({ line, field: RosterField.TableHost, message: `write yes or no (not "${hostCell}")` });
  const tableCell = cells.pinnedTable ?? '';
  const pinnedTable = tableCell === '' ? null : readTableNumber(tableCell);
  if (tableCell !== '' && (pinnedTable === null || pinnedTable < 1 || pinnedTable > MAX_TABLES)) {
    problems.push({ line, field: RosterField.PinnedTable, message: `write a table number from 1 to ${MAX_TABLES} (not "${tableCell}")` });
  }
  if (problems.length > before) return null;
  return { line, name, organization, systemRole, tableHost: tableHost === true, pinnedTable, tableChosen: false };
}

/** Gives each table host without a table the first table no host of the roster has; two hosts of one table is a problem. */
function placeHosts(people: RosterEntry[], problems: RosterProblem[]): RosterEntry[] {
  const hostOf = new Map<number, RosterEntry>();
  for (const person of people) {
    if (!person.tableHost || person.pinnedTable === null) continue;
    const other = hostOf.get(person.pinnedTable);
    if (other)
      problems.push({
        line: person.line,
        field: RosterField.TableHost,
        message: `Table ${person.pinnedTable} already has a host (${other.name}, line ${other.line}); give one of them another table`,
      });
    else hostOf.set(person.pinnedTable, person);
  }
  let next = 1;
  return people.map((person) => {
    if (!person.tableHost || person.pinnedTable !== null) return person;
    while (hostOf.has(next)) next++;
    if (next > MAX_TABLES) {
      problems.push({ line: person.line, field: RosterField.TableHost, message: `every table up to ${MAX_TABLES} already has a host` });
      return person;
    }
    hostOf.set(next, person);
    return { ...person, pinnedTable: next, tableChosen: true };
  });
}

/** Reads a roster from CSV text. */
export function parseRoster(text: string): RosterParse {
  const empty: RosterParse = { people: [], problems: [], columns: {}, headerless: false, ignoredHeaders: [] };
  if (text.length > MAX_ROSTER_CHARS) {
    return {
      ...empty,
      problems: [
        {
          line: null,
          field: null,
          message: `the roster is longer than ${MAX_ROSTER_CHARS.toLocaleString('en-US')} characters; import it in parts`,
        },
      ],
    };
  }
  const csv = parseCsv(text);
  if (!csv.ok) return { ...empty, problems: [{ line: csv.line, field: null, message: csv.message }] };
  const records = csv.records.filter((record) => record.fields.some((value) => cellText(value) !== ''));
  const first = records[0];
  if (!first)
    return {
      ...empty,
      problems: [{ line: null, field: null, message: 'the roster is empty: paste a header row and one line per person' }],
    };
  const problems: RosterProblem[] = [];
  const layout = layoutOf(first, problems);
  const unread = { ...empty, problems, columns: layout.columns, headerless: layout.headerless, ignoredHeaders: layout.ignoredHeaders };
  // Without a name column every line would say "name: is required": the header is the one problem.
  if (
    problems.length > 0 &&
    layout.columns.name === undefined &&
    layout.columns.firstName === undefined &&
    layout.columns.lastName === undefined
  )
    return unread;
  const rows = layout.headerless ? records : records.slice(1);
  if (rows.length > MAX_ROSTER_PEOPLE) {
    problems.push({
      line: null,
      field: null,
      message: `the roster names ${rows.length.toLocaleString('en-US')} people; import at most ${MAX_ROSTER_PEOPLE.toLocaleString('en-US')} at a time`,
    });
    return unread;
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: null, field: null, message: 'the roster has a header row but nobody on it: add one line per person' });
  const seen = new Map<string, RosterEntry>();
  const people: RosterEntry[] = [];
  for (const record of rows) {
    const entry = entryOf(record, layout, problems);
    if (!entry) continue;
    const key = rosterKey(entry.name, entry.organization);
    const twin = seen.get(key);
    if (twin) {
      const who = entry.organization ? `${entry.name} of ${entry.organization}` : entry.name;
      problems.push({
        line: entry.line,
        field: RosterField.Name,
        message: `${who} is already on line ${twin.line}; keep one of the two lines`,
      });
      continue;
    }
    seen.set(key, entry);
    people.push(entry);
  }
  return {
    people: placeHosts(people, problems),
    problems,
    columns: layout.columns,
    headerless: layout.headerless,
    ignoredHeaders: layout.ignoredHeaders,
  };
}
