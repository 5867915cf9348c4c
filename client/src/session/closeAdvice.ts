/**
 * What to tell a person whose table connection was closed by the server with a Worktable close
 * code (`CloseCode`, 4400–4503): the server's reason and what to do about it. The same words
 * explain a refused session API call (401/403/404) and a control connection the server hung up on,
 * so someone removed by the host, or whose session was deleted, reads one story everywhere.
 */
import { CloseCode, closeCodeReasons, isRetryableClose } from '@worktable/shared';

/** A closed connection explained for people. */
export interface CloseExplanation {
  code: number;
  /** The short reason: for an ended access the server's own words when it gave some ("removed from the session by the host"), else from `closeCodeReasons`. */
  reason: string;
  /** What the person can do. */
  advice: string;
  /** Whether the client keeps reconnecting by itself. */
  retrying: boolean;
  /** Whether rejoining with the invite link is the way out (the token is no good). */
  rejoin: boolean;
  /**
   * Whether this page's access to the session is over for good (removed by the host, session
   * deleted): nothing changed here can reach the table any more, so the page stops taking edits.
   */
  ended: boolean;
}

const ADVICE: Readonly<Record<CloseCode, string>> = {
  [CloseCode.BadFrame]: 'The server could not read a message from this page. Reload the page to reconnect.',
  [CloseCode.Unauthorized]: 'Your access to this session has expired. Join again with the invite link.',
  [CloseCode.Forbidden]:
    'Your link to this session no longer works, so this page can no longer change the table; what you put on it stays. If this is a mistake, ask the host to invite you again.',
  [CloseCode.NotFound]: 'Its tables, uploads, history and links are gone for everyone. Start a new session from the home page.',
  [CloseCode.MessageTooLarge]: 'Your last change was too large to send. Reload the page, then make it in smaller steps.',
  [CloseCode.Outdated]: 'This page is older than the server, which was updated. Reload the page to go on; what is on the table is kept.',
  [CloseCode.DocumentTooLarge]:
    'The table has reached its size limit, so your last change was not saved. Reload the page and ask the host to make room.',
  [CloseCode.InternalError]: 'The server hit an error. Reconnecting by itself; nothing you already see as saved is lost.',
  [CloseCode.Unavailable]: 'The server is restarting or busy. Reconnecting by itself; nothing acknowledged is lost.',
  [CloseCode.SlowConnection]: 'Your connection could not keep up with the table. Reconnecting by itself to catch up.',
};

/** Reasons for people where the log wording (`closeCodeReasons`) would puzzle them, used when the server gave none. */
const PEOPLE_REASONS: Partial<Readonly<Record<CloseCode, string>>> = {
  [CloseCode.Forbidden]: 'you are no longer part of this session',
  [CloseCode.NotFound]: 'this session no longer exists',
};

/** HTTP refusals of the session API and the close code that explains each. */
const ACCESS_CLOSE_CODES: Readonly<Record<number, CloseCode>> = {
  401: CloseCode.Unauthorized,
  403: CloseCode.Forbidden,
  404: CloseCode.NotFound,
};

/** The longest server-given reason shown as is (a WebSocket close reason is at most 123 bytes). */
const MAX_REASON_CHARS = 123;

function isCloseCode(code: number): code is CloseCode {
  return Object.hasOwn(closeCodeReasons, code);
}

/**
 * Explains a close code, or returns null when it is not a Worktable code (network drops, 1006, …).
 * `serverReason` is the close frame's reason; when access ended (4403, 4404) it says who ended it
 * ("removed from the session by the host", "the host deleted this session") and is shown instead
 * of the generic wording.
 */
export function explainClose(code: number, serverReason = ''): CloseExplanation | null {
  if (!isCloseCode(code)) return null;
  const ended = code === CloseCode.Forbidden || code === CloseCode.NotFound;
  const given = serverReason.trim().replace(/[.\s]+$/, '');
  return {
    code,
    reason: ended && given !== '' && given.length <= MAX_REASON_CHARS ? given : (PEOPLE_REASONS[code] ?? closeCodeReasons[code]),
    advice: ADVICE[code],
    retrying: isRetryableClose(code),
    rejoin: code === CloseCode.Unauthorized,
    ended,
  };
}

/** The close code that explains an HTTP refusal of the session API (401, 403, 404), or null for any other status. */
export function accessCloseCode(status: number): CloseCode | null {
  return ACCESS_CLOSE_CODES[status] ?? null;
}
