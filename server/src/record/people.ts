/**
 * How people appear in one rendering of a record. With names, as they are called; without,
 * "Participant 1", "Participant 2", … — numbered in the order they joined, the same number for
 * the same person everywhere (seating, roles, authors of cards, feedback and notes), and people no
 * longer in the session numbered after everyone else as the record meets them. Organizations and
 * system roles are shown only when the options include them. Also the summary's "who came".
 */
import type { RecordOptions } from '@worktable/shared';
import type { RecordPerson } from './recordData.js';

/** A count of people sharing one value (an organization, a role). */
export interface HeadCount {
  label: string;
  count: number;
}

/** One person in the summary's list of names. */
export interface PersonLine {
  name: string;
  role: string;
  organization: string | null;
  systemRole: string | null;
}

/**
 * What the list of names says in brackets after a person's name: session role, organization and
 * system role, those given. The one place a role is added to a name: it is left out when the name
 * already ends with it, as people who host often write themselves ("Hana (host)" stays that, not
 * "Hana (host) (host)").
 */
export function personDetails(person: PersonLine): string[] {
  const named = person.name.trim().toLowerCase().endsWith(`(${person.role.toLowerCase()})`);
  return [named ? null : person.role, person.organization, person.systemRole].filter((part): part is string => Boolean(part));
}

/** The summary's "who came". */
export interface Attendance {
  total: number;
  /** Host, participants, observers. */
  bySessionRole: HeadCount[];
  /** Null when organizations are left out; empty when nobody gave one. */
  byOrganization: HeadCount[] | null;
  /** Null when system roles are left out; empty when nobody gave one. */
  bySystemRole: HeadCount[] | null;
  /** Null when names are left out (people are only counted then). */
  names: PersonLine[] | null;
}

/** What a person who did not say shows as in the counts. */
export const NOT_GIVEN = 'not given';

/** Session roles in the order the summary counts them, singular and plural. */
const SESSION_ROLE_LABELS: [string, string, string][] = [
  ['host', 'host', 'hosts'],
  ['participant', 'participant', 'participants'],
  ['observer', 'observer', 'observers'],
];

/** Counts `values` (null: not given) most common first, ties alphabetically, "not given" last; empty when none was given. */
function headCounts(values: readonly (string | null)[]): HeadCount[] {
  if (values.every((v) => v === null)) return [];
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value ?? NOT_GIVEN, (counts.get(value ?? NOT_GIVEN) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => Number(a.label === NOT_GIVEN) - Number(b.label === NOT_GIVEN) || b.count - a.count || a.label.localeCompare(b.label));
}

/** People of one record as its options show them. */
export class RecordPeople {
  private readonly byId: Map<string, RecordPerson>;
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly people: readonly RecordPerson[],
    private readonly options: Pick<RecordOptions, 'names' | 'organizations' | 'systemRoles'>,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
    for (const [i, p] of people.entries()) this.numbers.set(p.id, i + 1);
  }

  /**
   * How the person with this id is called. With names: their name, else the name the content
   * kept (`storedName`, e.g. an artifact's author who has since left), else "someone who left".
   * Without: their participant number.
   */
  name(id: string, storedName?: string): string {
    if (this.options.names) return this.byId.get(id)?.name ?? (storedName?.trim() || 'someone who left');
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(id, number);
    }
    return `Participant ${number}`;
  }

  /** Who came: counts by session role, organization and system role (as the options allow), and the names when included. */
  attendance(): Attendance {
    const { names, organizations, systemRoles } = this.options;
    const bySessionRole = SESSION_ROLE_LABELS.flatMap(([role, one, many]) => {
      const count = this.people.filter((p) => p.role === role).length;
      return count > 0 ? [{ label: count === 1 ? one : many, count }] : [];
    });
    return {
      total: this.people.length,
      bySessionRole,
      byOrganization: organizations ? headCounts(this.people.map((p) => p.organization)) : null,
      bySystemRole: systemRoles ? headCounts(this.people.map((p) => p.systemRole)) : null,
      names: names
        ? this.people.map((p) => ({
            name: p.name,
            role: p.role,
            organization: organizations ? p.organization : null,
            systemRole: systemRoles ? p.systemRole : null,
          }))
        : null,
    };
  }
}
