/**
 * What the session page says when the server refuses to open a session with the stored token:
 * the session was deleted (404), the host removed you (403), or the token is no good (401).
 */
import { ApiRequestError, userMessage } from '../api.js';

/** The session page's error: heading, what happened and what to do, and whether rejoining with the invite code can help. */
export interface SessionRefusal {
  heading: string;
  message: string;
  /** Only a token problem (401) is solved by joining again; a removed person or a deleted session is not. */
  rejoin: boolean;
  /** Whether trying the same request again may work (not for refusals). */
  canRetry: boolean;
}

/** Explains a failed `getSession` for the session page. */
export function explainSessionRefusal(error: unknown): SessionRefusal {
  const status = error instanceof ApiRequestError ? error.status : null;
  if (status === 404) {
    return {
      heading: 'This session no longer exists',
      message:
        'The host may have deleted it, with its tables, uploads and links. Start a new session from the home page, or ask the host for a new link.',
      rejoin: false,
      canRetry: false,
    };
  }
  if (status === 403) {
    return {
      heading: 'You are no longer part of this session',
      message: `${userMessage(error)} What you put on the table stays there. If this is a mistake, ask the host to invite you again.`,
      rejoin: false,
      canRetry: false,
    };
  }
  return { heading: 'Could not open the table', message: userMessage(error), rejoin: status === 401, canRetry: status !== 401 };
}
