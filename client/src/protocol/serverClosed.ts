/**
 * Why the server hung up on the control connection (socket.io's `io server disconnect`, which it
 * does not retry): the session API answers 403 once the host removed you and 404 once the session
 * is deleted. The session is deleted just after its connections close, so the API is asked again
 * a little later while it still answers.
 */
import { ApiRequestError, getSession } from '../api.js';
import { CloseCode } from '@worktable/shared';
import { accessCloseCode, explainClose } from '../session/closeAdvice.js';

/** What the control channel says when the server hung up and nothing tells why. */
export const SERVER_CLOSED = 'The server closed the connection. Reload the page to reconnect.';

/** When to ask the session API after the hang-up, in ms after the previous question. */
export const ASK_AGAIN_AFTER_MS: readonly number[] = [0, 1_000, 3_000];

/**
 * The sentence for a hang-up after the session API refused with `status` (null: it did not
 * refuse). Short: on the table page the closed connection's banner already says the rest.
 */
export function serverClosedMessage(status: number | null): string {
  const code = status === null ? null : accessCloseCode(status);
  const explained = code === null ? null : explainClose(code);
  if (!explained) return SERVER_CLOSED;
  const reason = `${explained.reason.charAt(0).toUpperCase()}${explained.reason.slice(1)}`;
  if (code === CloseCode.NotFound) return `${reason}. Start a new session from the home page.`;
  if (code === CloseCode.Forbidden) return `${reason}, so the timer and roles stop here.`;
  return explained.advice;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}

/** Asks the session API (a few times, see `ASK_AGAIN_AFTER_MS`) why the server hung up; resolves with the sentence to show. */
export async function whyServerClosed(sessionId: string, token: string, wait: (ms: number) => Promise<void> = pause): Promise<string> {
  for (const ms of ASK_AGAIN_AFTER_MS) {
    await wait(ms);
    try {
      await getSession(sessionId, token);
    } catch (error) {
      return serverClosedMessage(error instanceof ApiRequestError ? error.status : null);
    }
  }
  return SERVER_CLOSED;
}
