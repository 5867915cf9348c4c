/**
 * Calls to the Worktable REST API (see docs/API.md). Every failure becomes an `ApiRequestError`
 * whose message is the server's `error.message`, which already says what to do.
 */
import type {
  ApiError,
  CreateSessionBody,
  CreateSessionResponse,
  JoinSessionBody,
  JoinSessionResponse,
  Protocol,
  SessionView,
} from '@worktable/shared';

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

async function request<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the Worktable server. Check your connection and try again.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiError(payload)) throw new ApiRequestError(response.status, payload.error.code, payload.error.message);
    throw new ApiRequestError(response.status, 'http_error', `The server answered ${response.status}. Try again in a moment.`);
  }
  return payload as T;
}

/** `POST /api/sessions`: creates a session; the caller becomes its host. */
export function createSession(body: CreateSessionBody): Promise<CreateSessionResponse> {
  return request('POST', '/api/sessions', { body });
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

/** `GET /api/sessions/:id`: the session as seen by the token's holder. */
export function getSession(sessionId: string, token: string): Promise<SessionView> {
  return request('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
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
