/**
 * Calls to the Worktable REST API (see docs/API.md). Every failure becomes an `ApiRequestError`
 * whose message is the server's `error.message`, which already says what to do.
 */
import type {
  ApiError,
  CreateRecordLinkBody,
  CreateSessionBody,
  CreateSessionResponse,
  InviteCodeResponse,
  HistoryLabel,
  JoinSessionBody,
  JoinSessionResponse,
  ParticipationRow,
  Protocol,
  RecordCapabilities,
  RecordLinkView,
  RecordLinksResponse,
  RecordOptions,
  RosterImportResult,
  RosterView,
  SessionView,
} from '@worktable/shared';
import { CREATE_SESSION_SECRET_HEADER } from '@worktable/shared';

/** A failed API call: HTTP status (0 when the server could not be reached), error code and message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

const UNREACHABLE = 'Could not reach the Worktable server. Check your connection and try again.';

/** The `ApiRequestError` for a failed response: the server's `{ error }` when it sent one. */
export async function failureOf(response: Response): Promise<ApiRequestError> {
  const payload: unknown = await response.json().catch(() => null);
  if (isApiError(payload)) return new ApiRequestError(response.status, payload.error.code, payload.error.message);
  return new ApiRequestError(response.status, 'http_error', `The server answered ${response.status}. Try again in a moment.`);
}

async function send(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, signal ? { ...init, signal } : init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', UNREACHABLE);
  }
  if (!response.ok) throw await failureOf(response);
  return response;
}

async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await send(path, { method, headers, body: options.body === undefined ? null : JSON.stringify(options.body) });
  return (await response.json().catch(() => null)) as T;
}

/**
 * A request whose answer is a file rather than JSON (history states, exports, uploads), with the
 * bearer token. Resolves to the successful response, body unread; rejects with an
 * `ApiRequestError` (or the abort error when `signal` aborted it).
 */
export function requestFile(
  path: string,
  token: string,
  init: { signal?: AbortSignal; method?: 'GET' | 'POST'; body?: Blob; contentType?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  return send(path, { method: init.method ?? 'GET', headers, body: init.body ?? null }, init.signal);
}

/**
 * `POST /api/sessions`: creates a session; the caller becomes its host. `secret`: the
 * organization's secret, on a server that asks for one (it answers `CreateSessionSecretError` codes).
 */
export function createSession(body: CreateSessionBody, secret?: string): Promise<CreateSessionResponse> {
  return request('POST', '/api/sessions', { body, headers: secret ? { [CREATE_SESSION_SECRET_HEADER]: secret } : {} });
}

/** `GET /api/protocols`: the built-in protocols a host can pick. */
export async function listProtocols(): Promise<Protocol[]> {
  const body = await request<{ protocols: Protocol[] }>('GET', '/api/protocols');
  return body.protocols;
}

/** `POST /api/sessions/:id/join`: joins with an invite code. */
export function joinSession(sessionId: string, body: JoinSessionBody): Promise<JoinSessionResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/join`, { body });
}

/** `POST /api/sessions/:id/invite-code` (host only): a new invite code; the old link stops joining. */
export function newInviteCode(sessionId: string, token: string): Promise<InviteCodeResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/invite-code`, { token });
}

/** `GET /api/sessions/:id`: the session as seen by the token's holder. */
export function getSession(sessionId: string, token: string): Promise<SessionView> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
}

/**
 * `DELETE /api/sessions/:id/participants/:participantId` (host only): removes someone. Their
 * connections close, their link stops working; what they put on the table stays.
 */
export async function removeParticipant(sessionId: string, participantId: string, token: string): Promise<void> {
  await request<null>('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(participantId)}`, {
    token,
  });
}

/** `DELETE /api/sessions/:id` (host only): deletes the session, its documents, uploads, history and every link, for everyone. */
export async function deleteSession(sessionId: string, token: string): Promise<void> {
  await request<null>('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
}

/** `GET /api/sessions/:id/roster` (host only): everyone on the roster, with freshly signed personal links. */
export function getRoster(sessionId: string, token: string): Promise<RosterView> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/roster`, { token });
}

/**
 * `POST /api/sessions/:id/roster` (host only): imports the roster CSV; people already in the
 * session are updated, the roster's pins and table hosts applied. Refused whole when a line has a problem.
 */
export function importRoster(sessionId: string, csv: string, token: string): Promise<RosterImportResult> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/roster`, { token, body: { csv } });
}

/** One labelled snapshot of a table document, as `GET /api/sessions/:id/history` lists it. */
export interface HistorySnapshotInfo {
  snapshotId: number;
  docName: string;
  label: HistoryLabel;
  /** Server epoch ms when it was kept. */
  createdAt: number;
  /** Size of its state in bytes. */
  bytes: number;
}

/** `GET /api/sessions/:id/history?doc=`: the snapshots of one document, oldest first. */
export async function listHistory(sessionId: string, token: string, docName: string): Promise<HistorySnapshotInfo[]> {
  const body = await request<{ snapshots: HistorySnapshotInfo[] }>(
    'GET',
    `/api/sessions/${encodeURIComponent(sessionId)}/history?doc=${encodeURIComponent(docName)}`,
    { token },
  );
  return body.snapshots;
}

/** The path of one snapshot's state (`GET` → one Yjs update, `application/octet-stream`). */
export function historyStatePath(sessionId: string, snapshotId: number): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/history/${snapshotId}`;
}

/** What `GET /api/sessions/:id/participation` answers: every row, or only your own (`self`). */
export interface ParticipationResponse {
  scope: 'all' | 'self';
  rows: ParticipationRow[];
}

/** `GET /api/sessions/:id/participation`: who has contributed what (see docs/API.md "Participation"). */
export function getParticipation(sessionId: string, token: string): Promise<ParticipationResponse> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}/participation`, { token });
}

/** `GET /api/record-capabilities`: whether this server prints the record to PDF itself. */
export function getRecordCapabilities(): Promise<RecordCapabilities> {
  return request('GET', '/api/record-capabilities');
}

/** `POST /api/sessions/:id/record-links` (host only): a read-only link to the record with these options. */
export function createRecordLink(sessionId: string, token: string, options: RecordOptions): Promise<RecordLinkView> {
  const body: CreateRecordLinkBody = options;
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/record-links`, { token, body });
}

/** `GET /api/sessions/:id/record-links` (host only): the session's record links, newest first, revoked ones too. */
export async function listRecordLinks(sessionId: string, token: string): Promise<RecordLinkView[]> {
  const body = await request<RecordLinksResponse>('GET', `/api/sessions/${encodeURIComponent(sessionId)}/record-links`, { token });
  return body.links;
}

/** `DELETE /api/sessions/:id/record-links/:linkId` (host only): the link stops working for everyone. */
export async function revokeRecordLink(sessionId: string, linkId: string, token: string): Promise<void> {
  await request<null>('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}/record-links/${encodeURIComponent(linkId)}`, { token });
}

/**
 * A sentence to show a person for a failed call: the server's message (which usually says what to
 * do), capitalised and punctuated, with a next step added where the server gives none.
 */
export function userMessage(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Something went wrong. Reload the page and try again.';
  const text = error.message.trim();
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
  if (error.code === 'bad_request') return `${sentence} Correct the form and try again.`;
  if (error.status >= 500) return `${sentence} Try again in a moment.`;
  return sentence;
}
