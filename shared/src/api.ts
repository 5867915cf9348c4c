/**
 * The REST contract between clients and the server: limits, roles and response shapes as types;
 * the request bodies' schemas are in apiSchemas.ts. Documented in docs/API.md.
 */
import type { RecordOptions } from './record/recordOptions.js';

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

/** Response of `POST /api/sessions/:sessionId/join` (201). */
export interface JoinSessionResponse {
  participantId: string;
  token: string;
  /** The session as the one who joined sees it (what `GET /api/sessions/:sessionId` answers them). */
  session: SessionView;
}

/** Longest roster text `POST /api/sessions/:sessionId/roster` accepts, in characters (a thousand people with long names fit). */
export const MAX_ROSTER_CHARS = 300_000;

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
