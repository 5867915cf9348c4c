/**
 * WebSocket close codes used by the Worktable relay. Client and server both import these, so a
 * client can tell a user why its connection ended and whether reconnecting can help.
 * The 4xxx range is reserved by RFC 6455 for applications; the last three digits mirror the
 * closest HTTP status so the meaning is guessable from the number alone.
 */
export const CloseCode = {
  /** A frame could not be decoded (truncated, unknown message type, garbage update). Do not retry the same bytes. */
  BadFrame: 4400,
  /** The token was missing, forged or expired. Rejoin to get a new token. */
  Unauthorized: 4401,
  /** The token is valid but does not allow this (another session's document, a revoked participant). */
  Forbidden: 4403,
  /** The session or document does not exist. */
  NotFound: 4404,
  /** One message was larger than the server's per-message limit. */
  MessageTooLarge: 4413,
  /** Accepting the update would grow the document past the server's per-document limit. */
  DocumentTooLarge: 4414,
  /** The page speaks an older document contract than the server (`DOCUMENT_CONTRACT`): reload the page. */
  Outdated: 4426,
  /** The server could not process the connection because of an internal error. Reconnect. */
  InternalError: 4500,
  /** The server is shutting down or its storage is not accepting writes. Reconnect later; nothing acknowledged is lost. */
  Unavailable: 4503,
  /** The connection did not read fast enough and its send buffer passed the server's cap. Reconnect to resync. */
  SlowConnection: 4504,
} as const;

/** One of the Worktable close codes. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable explanation of each close code, for logs and for messages shown to users. */
export const closeCodeReasons: Readonly<Record<CloseCode, string>> = {
  [CloseCode.BadFrame]: 'malformed frame',
  [CloseCode.Unauthorized]: 'missing, invalid or expired token',
  [CloseCode.Forbidden]: 'not allowed for this token',
  [CloseCode.NotFound]: 'unknown session or document',
  [CloseCode.MessageTooLarge]: 'message too large',
  [CloseCode.DocumentTooLarge]: 'document too large',
  [CloseCode.Outdated]: 'page older than the server',
  [CloseCode.InternalError]: 'internal server error',
  [CloseCode.Unavailable]: 'server unavailable, retry later',
  [CloseCode.SlowConnection]: 'connection too slow to keep up',
};

/** Whether a client should reconnect automatically after the server closed with `code`. */
export function isRetryableClose(code: number): boolean {
  return code === CloseCode.InternalError || code === CloseCode.Unavailable || code === CloseCode.SlowConnection || code < 4000;
}
