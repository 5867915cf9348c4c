/**
 * What a host chooses for a record they send: the time zone every time is shown in, and whether
 * names, organizations and system roles are in it. One definition for the export's query string
 * (`?tz=Europe/Paris&names=0`), the body of a share link and what a share link keeps.
 */

/** The choices a record is rendered with. */
export interface RecordOptions {
  /** IANA time zone name, e.g. `Europe/Paris`; every time in the record is shown in it. */
  timeZone: string;
  /** People's names (otherwise "Participant 1", "Participant 2", … everywhere). */
  names: boolean;
  /** Where people work. */
  organizations: boolean;
  /** People's roles in their systems ("teacher", "district leader", …). */
  systemRoles: boolean;
}

/** What a record shows when nothing is chosen: everything, in UTC. */
export const DEFAULT_RECORD_OPTIONS: RecordOptions = { timeZone: 'UTC', names: true, organizations: true, systemRoles: true };

/** Longest time zone name accepted (the longest IANA names are about 30 characters). */
export const MAX_TIME_ZONE_LENGTH = 64;

/** The three things a record may leave out, in the order the client lists them. */
export const RECORD_PRIVACY_FLAGS = ['names', 'organizations', 'systemRoles'] as const;
/** One of `RECORD_PRIVACY_FLAGS`. */
export type RecordPrivacyFlag = (typeof RECORD_PRIVACY_FLAGS)[number];

/** The canonical spelling of an IANA time zone (`europe/paris` → `Europe/Paris`), or null when `name` is not one. */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > MAX_TIME_ZONE_LENGTH) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** What a bad time zone gets told. */
export function timeZoneProblem(name: string): string {
  return `"${name.slice(0, MAX_TIME_ZONE_LENGTH)}" is not a time zone; use an IANA name such as Europe/Paris or America/New_York`;
}

/** The query string of an export with these options (`tz=…` always, `names=0` and the like only when left out). */
export function recordOptionsQuery(options: RecordOptions): string {
  const params = [`tz=${encodeURIComponent(options.timeZone)}`];
  for (const flag of RECORD_PRIVACY_FLAGS) if (!options[flag]) params.push(`${flag}=0`);
  return params.join('&');
}

/** The options of an export's query, or what is wrong with them (`field: problem`). */
export type ParsedRecordOptions = { ok: true; options: RecordOptions } | { ok: false; message: string };

/** Reads `tz`, `names`, `organizations` and `systemRoles` from a query (absent: the defaults; flags are 0 or 1). */
export function parseRecordOptionsQuery(query: Readonly<Record<string, unknown>>): ParsedRecordOptions {
  const options: RecordOptions = { ...DEFAULT_RECORD_OPTIONS };
  const tz = query.tz;
  if (tz !== undefined) {
    const timeZone = typeof tz === 'string' ? canonicalTimeZone(tz) : null;
    if (timeZone === null) return { ok: false, message: `tz: ${timeZoneProblem(String(tz))}` };
    options.timeZone = timeZone;
  }
  for (const flag of RECORD_PRIVACY_FLAGS) {
    const value = query[flag];
    if (value === undefined) continue;
    if (value !== '0' && value !== '1') return { ok: false, message: `${flag}: must be 0 (leave out) or 1 (include)` };
    options[flag] = value === '1';
  }
  return { ok: true, options };
}

/** Reads options a share link kept (stored JSON): a flag that cannot be read leaves its data out, a bad time zone is UTC. */
export function readRecordOptions(value: unknown): RecordOptions {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const timeZone = typeof stored.timeZone === 'string' ? canonicalTimeZone(stored.timeZone) : null;
  const flag = (name: RecordPrivacyFlag) => stored[name] === true;
  return {
    timeZone: timeZone ?? DEFAULT_RECORD_OPTIONS.timeZone,
    names: flag('names'),
    organizations: flag('organizations'),
    systemRoles: flag('systemRoles'),
  };
}
