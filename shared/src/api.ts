/**
 * The REST contract between clients and the server: request bodies as schemas (validated on the
 * server, reused by the client) and response shapes as types. Documented in docs/API.md.
 */
import { z } from 'zod';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from './ids.js';
import { withoutUnsafeCharacters } from './safeText.js';
import { MAX_TIME_ZONE_LENGTH, canonicalTimeZone, timeZoneProblem, type RecordOptions } from './record/recordOptions.js';

/** Version of the wire contract; bumped on any incompatible change. */
export const API_VERSION = 1;

/** Longest session title accepted. */
export const MAX_TITLE_LENGTH = 200;
/** Longest participant name accepted. */
export const MAX_NAME_LENGTH = 80;
/** Longest organization name accepted. */
export const MAX_ORGANIZATION_LENGTH = 120;

/** Roles a token can carry. The host created the session; observers are read-only. */
export const SessionRole = {
  Host: 'host',
  Participant: 'participant',
  Observer: 'observer',
} as const;
/** One of the session roles. */
export type SessionRole = (typeof SessionRole)[keyof typeof SessionRole];

/** Whether a role may change shared documents. */
export function canWrite(role: SessionRole): boolean {
  return role !== SessionRole.Observer;
}

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

/** Header of `POST /api/sessions` carrying the organization's secret, on a server with `CREATE_SESSION_SECRET`. */
export const CREATE_SESSION_SECRET_HEADER = 'x-create-session-secret';

/** Error codes of `POST /api/sessions` about that secret: the client asks for it on either. */
export const CreateSessionSecretError = {
  /** 401: this server asks for a secret and none was sent. */
  Required: 'create_secret_required',
  /** 403: the secret sent is not this server's. */
  Wrong: 'create_secret_wrong',
} as const;

/** Response of `POST /api/sessions` (201). */
export interface CreateSessionResponse {
  sessionId: string;
  hostToken: string;
  /** The host's own participant id. */
  participantId: string;
  inviteCode: string;
  inviteUrl: string;
}

/** Response of `POST /api/sessions/:sessionId/invite-code` (200, host only): the new code and link; the old code no longer joins. */
export interface InviteCodeResponse {
  inviteCode: string;
  inviteUrl: string;
}

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

/** Response of `POST /api/sessions/:sessionId/join` (201). */
export interface JoinSessionResponse {
  participantId: string;
  token: string;
}

/** Longest roster text `POST /api/sessions/:sessionId/roster` accepts, in characters (a thousand people with long names fit). */
export const MAX_ROSTER_CHARS = 300_000;

/** Body of `POST /api/sessions/:sessionId/roster`: the roster as CSV text (read with `parseRoster`). */
export const importRosterBody = z.strictObject({
  csv: z
    .string()
    .max(MAX_ROSTER_CHARS, `must be at most ${MAX_ROSTER_CHARS.toLocaleString('en-US')} characters; import the roster in parts`)
    .refine((text) => text.trim() !== '', 'is empty: paste a header row and one line per person'),
});
/** Parsed body of `POST /api/sessions/:sessionId/roster`. */
export type ImportRosterBody = z.infer<typeof importRosterBody>;

/** A person on the host's roster with their personal link. */
export interface RosterPersonView {
  participantId: string;
  name: string;
  organization: string | null;
  systemRole: string | null;
  /**
   * `<origin>/s/<sessionId>#token=<token>`: opens the session as this person in any browser. The
   * token is in the fragment, which browsers never send to the server.
   */
  link: string;
}

/** Response of `GET /api/sessions/:sessionId/roster`: everyone on the roster, in roster order, with fresh links. */
export interface RosterView {
  people: RosterPersonView[];
  /** When these links stop working (ISO-8601); ask for the roster again for new ones. */
  linksExpireAt: string;
}

/** Response of `POST /api/sessions/:sessionId/roster` (200): the whole roster after the import. */
export interface RosterImportResult extends RosterView {
  /** People new to the session. */
  added: number;
  /** People already in the session (same name and organization) whose details were updated. */
  updated: number;
}

/** A participant as listed in a session. */
export interface ParticipantView {
  participantId: string;
  name: string;
  role: SessionRole;
  joinedAt: string;
  organization: string | null;
  systemRole: string | null;
}

/** Response of `GET /api/sessions/:sessionId`. */
export interface SessionView {
  sessionId: string;
  title: string;
  protocol: string | null;
  createdAt: string;
  /** The caller, as identified by the token. */
  you: { participantId: string; role: SessionRole };
  participants: ParticipantView[];
}

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

/** A read-only link to a session's record, as its host sees it. */
export interface RecordLinkView {
  linkId: string;
  /** The address to send: opens the record in a browser, no sign-in. */
  url: string;
  /** What the record behind the link shows (fixed when the link was made). */
  options: RecordOptions;
  createdAt: string;
  /** When the host revoked it (the link then answers 410), or null while it works. */
  revokedAt: string | null;
}

/** Response of `GET /api/sessions/:sessionId/record-links`: the session's links, newest first. */
export interface RecordLinksResponse {
  links: RecordLinkView[];
}

/** Response of `GET /api/record-capabilities`: how this server can hand over the record. */
export interface RecordCapabilities {
  /** Whether the server prints PDFs itself (it has Chromium); without, a browser prints the HTML record to PDF. */
  serverPdf: boolean;
}

/** Every error response has this shape. */
export interface ApiError {
  error: {
    /** Stable machine-readable code such as `bad_request`, `not_found`. */
    code: string;
    /** What went wrong and, where possible, what to do about it. */
    message: string;
  };
}

/** Formats the first schema issue as `field: message`, naming the field as a client sent it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: is required`;
  return `${field}: ${issue.message}`;
}
