/**
 * What the host chooses for the record in the export dialog: the browser's time zone (every time
 * in the record is shown in it) and what to include, with the words each choice is offered in.
 */
import { DEFAULT_RECORD_OPTIONS, canonicalTimeZone, type RecordOptions, type RecordPrivacyFlag } from '@worktable/shared';

/** This browser's IANA time zone, or UTC when it has none the server knows. */
export function browserTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? DEFAULT_RECORD_OPTIONS.timeZone;
}

/** The choices the dialog opens with: everything included, in this browser's zone. */
export function initialRecordOptions(): RecordOptions {
  return { ...DEFAULT_RECORD_OPTIONS, timeZone: browserTimeZone() };
}

/** How each thing the record may leave out is offered. */
export const PRIVACY_CHOICES: Record<RecordPrivacyFlag, { label: string; leftOut: string }> = {
  names: { label: 'Names', leftOut: 'People appear as “Participant 1”, “Participant 2”… and are counted, not listed.' },
  organizations: { label: 'Organizations', leftOut: 'Where people work is left out, counts included.' },
  systemRoles: { label: 'Roles in their systems', leftOut: 'Roles such as “teacher” or “principal” are left out, counts included.' },
};

/** A short description of what a link's record leaves out, e.g. "without names or organizations". */
export function describeLeftOut(options: RecordOptions): string {
  const out = (['names', 'organizations', 'systemRoles'] as const)
    .filter((flag) => !options[flag])
    .map((flag) => PRIVACY_CHOICES[flag].label.toLowerCase());
  if (out.length === 0) return 'everything included';
  return `without ${out.length === 1 ? out[0] : `${out.slice(0, -1).join(', ')} or ${out.at(-1)}`}`;
}
