/**
 * The REST contract's request bodies as zod schemas (validated on the server), with the types
 * they parse to; the limits, roles and response shapes they use are in api.ts. Kept apart so that
 * a bundle needing only those (the browser's join page and table) leaves the schemas, and zod,
 * out. Documented in docs/API.md.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH, MAX_ORGANIZATION_LENGTH, MAX_ROSTER_CHARS, MAX_TITLE_LENGTH, SessionRole } from './api.js';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from './ids.js';
import { withoutUnsafeCharacters } from './safeText.js';
import { MAX_TIME_ZONE_LENGTH, canonicalTimeZone, timeZoneProblem } from './record/recordOptions.js';

/** Text people type for others to see: cleaned of control and bidi-override characters, trimmed, not empty. */
const trimmedText = (max: number) =>
  z
    .string()
    .transform((text) => withoutUnsafeCharacters(text).trim())
    .pipe(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

/** Body of `POST /api/sessions`. */
export const createSessionBody = z.strictObject({
  title: trimmedText(MAX_TITLE_LENGTH),
  protocol: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a protocol id such as "tuning"')
    .optional(),
  hostName: trimmedText(MAX_NAME_LENGTH).optional(),
  /** A full protocol definition (e.g. an edited copy of a built-in, or imported JSON); validated by the server. */
  customProtocol: z.unknown().optional(),
});
/** Parsed body of `POST /api/sessions`. */
export type CreateSessionBody = z.infer<typeof createSessionBody>;

/** Body of `POST /api/sessions/:sessionId/join`. */
export const joinSessionBody = z.strictObject({
  inviteCode: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase())
    .pipe(
      z
        .string()
        .length(INVITE_CODE_LENGTH, `must be ${INVITE_CODE_LENGTH} characters`)
        .refine((code) => [...code].every((c) => INVITE_CODE_ALPHABET.includes(c)), 'has characters no invite code uses'),
    ),
  name: trimmedText(MAX_NAME_LENGTH),
  role: z.enum([SessionRole.Participant, SessionRole.Observer]).optional(),
  /** Where they work (optional; convenings mix tables across organizations). */
  organization: trimmedText(MAX_ORGANIZATION_LENGTH).optional(),
  /** Their role in their system, e.g. "teacher", "district leader", "researcher" (optional). */
  systemRole: trimmedText(MAX_NAME_LENGTH).optional(),
});
/** Parsed body of `POST /api/sessions/:sessionId/join`. */
export type JoinSessionBody = z.infer<typeof joinSessionBody>;

/** Body of `POST /api/sessions/:sessionId/roster`: the roster as CSV text (read with `parseRoster`). */
export const importRosterBody = z.strictObject({
  csv: z
    .string()
    .max(MAX_ROSTER_CHARS, `must be at most ${MAX_ROSTER_CHARS.toLocaleString('en-US')} characters; import the roster in parts`)
    .refine((text) => text.trim() !== '', 'is empty: paste a header row and one line per person'),
});
/** Parsed body of `POST /api/sessions/:sessionId/roster`. */
export type ImportRosterBody = z.infer<typeof importRosterBody>;

/** Body of `POST /api/sessions/:sessionId/record-links`: the options the shared record is rendered with (flags absent: included). */
export const createRecordLinkBody = z.strictObject({
  timeZone: z
    .string()
    .max(MAX_TIME_ZONE_LENGTH, `must be at most ${MAX_TIME_ZONE_LENGTH} characters`)
    .superRefine((name, context) => {
      if (canonicalTimeZone(name) === null) context.addIssue({ code: 'custom', message: timeZoneProblem(name) });
    }),
  names: z.boolean().optional(),
  organizations: z.boolean().optional(),
  systemRoles: z.boolean().optional(),
});
/** Parsed body of `POST /api/sessions/:sessionId/record-links`. */
export type CreateRecordLinkBody = z.infer<typeof createRecordLinkBody>;

/** Formats the first schema issue as `field: message`, naming the field as a client sent it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: is required`;
  return `${field}: ${issue.message}`;
}
