/**
 * What to tell a person whose table connection was closed by the server with a Worktable close
 * code (`CloseCode`, 4400–4503): the server's reason and what to do about it.
 */
import { CloseCode, closeCodeReasons, isRetryableClose } from '@worktable/shared';

/** A closed connection explained for people. */
export interface CloseExplanation {
  code: number;
  /** The short reason, from `closeCodeReasons`. */
  reason: string;
  /** What the person can do. */
  advice: string;
  /** Whether the client keeps reconnecting by itself. */
  retrying: boolean;
  /** Whether rejoining with the invite link is the way out (the token is no good). */
  rejoin: boolean;
}

const ADVICE: Readonly<Record<CloseCode, string>> = {
  [CloseCode.BadFrame]: 'The server could not read a message from this page. Reload the page to reconnect.',
  [CloseCode.Unauthorized]: 'Your access to this session has expired. Join again with the invite link.',
  [CloseCode.Forbidden]: 'You no longer have access to this session. Ask the host for a new invite link.',
  [CloseCode.NotFound]: 'This session no longer exists. Check the link, or start a new session.',
  [CloseCode.MessageTooLarge]: 'Your last change was too large to send. Reload the page, then make it in smaller steps.',
  [CloseCode.DocumentTooLarge]:
    'The table has reached its size limit, so your last change was not saved. Reload the page and ask the host to make room.',
  [CloseCode.InternalError]: 'The server hit an error. Reconnecting by itself; nothing you already see as saved is lost.',
  [CloseCode.Unavailable]: 'The server is restarting or busy. Reconnecting by itself; nothing acknowledged is lost.',
  [CloseCode.SlowConnection]: 'Your connection could not keep up with the table. Reconnecting by itself to catch up.',
};

function isCloseCode(code: number): code is CloseCode {
  return Object.hasOwn(closeCodeReasons, code);
}

/** Explains a close code, or returns null when it is not a Worktable code (network drops, 1006, …). */
export function explainClose(code: number): CloseExplanation | null {
  if (!isCloseCode(code)) return null;
  return {
    code,
    reason: closeCodeReasons[code],
    advice: ADVICE[code],
    retrying: isRetryableClose(code),
    rejoin: code === CloseCode.Unauthorized,
  };
}
