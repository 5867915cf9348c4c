/**
 * The columns of a roster and the header spellings people use for them ("Organisation",
 * "School", "Table #", "Host?"…): headers are matched case-insensitively, ignoring spaces and
 * punctuation, in any order. A roster without a header row has the columns in the documented
 * order. Pure.
 */

/** What a roster says about a person. */
export const RosterField = {
  Name: 'name',
  /** Given and family name in two columns, joined into `name`. */
  FirstName: 'firstName',
  LastName: 'lastName',
  Organization: 'organization',
  SystemRole: 'systemRole',
  TableHost: 'tableHost',
  PinnedTable: 'pinnedTable',
} as const;
/** One of `RosterField`. */
export type RosterField = (typeof RosterField)[keyof typeof RosterField];

/** Each field as problems and the preview name it. */
export const ROSTER_FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  name: 'name',
  firstName: 'first name',
  lastName: 'last name',
  organization: 'organization',
  systemRole: 'system role',
  tableHost: 'table host',
  pinnedTable: 'pinned table',
};

/** The columns of a roster without a header row, in this order. */
export const HEADERLESS_COLUMNS: readonly RosterField[] = [
  RosterField.Name,
  RosterField.Organization,
  RosterField.SystemRole,
  RosterField.TableHost,
  RosterField.PinnedTable,
];

/** Header spellings, folded (see `foldHeader`), of each field. */
const ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['name', 'fullname', 'participant', 'participantname', 'person', 'attendee', 'attendeename', 'displayname'],
  firstName: ['firstname', 'givenname', 'forename', 'first'],
  lastName: ['lastname', 'familyname', 'surname', 'last'],
  organization: [
    'organization',
    'organisation',
    'org',
    'organizationname',
    'organisationname',
    'school',
    'district',
    'company',
    'employer',
    'affiliation',
    'institution',
    'agency',
  ],
  systemRole: ['systemrole', 'role', 'roleinsystem', 'position', 'jobtitle', 'job'],
  tableHost: ['tablehost', 'host', 'ishost', 'hoststable', 'hostsatable'],
  pinnedTable: ['pinnedtable', 'table', 'pin', 'pinned', 'pinnedto', 'tablenumber', 'tableno', 'assignedtable', 'seatat'],
};

const FIELD_OF_ALIAS: ReadonlyMap<string, RosterField> = new Map(
  (Object.entries(ALIASES) as [RosterField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/** A header folded for matching: lower case, accents, spaces and punctuation removed ("Table #" → "table"). */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The field a header names, or null when it names none of them. */
export function fieldOfHeader(header: string): RosterField | null {
  return FIELD_OF_ALIAS.get(foldHeader(header)) ?? null;
}
