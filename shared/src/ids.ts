/**
 * Shapes of identifiers that travel in URLs. Validated on the server before anything is looked
 * up, and used by the client to build links.
 */

/** Session ids: URL-safe base64 of random bytes (server generated). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Read-only record links: `r_` and 24 URL-safe characters of random bytes (server generated). */
export const RECORD_LINK_ID_PATTERN = /^r_[A-Za-z0-9_-]{24}$/;

/** Document names inside a session, e.g. `table-1`, `plenary`. */
export const DOC_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Invite codes: short, typed by people, no ambiguous letters. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Length of an invite code. */
export const INVITE_CODE_LENGTH = 8;

/** The well-known name of the first table document of a session. */
export const DEFAULT_TABLE_DOC = 'table-1';

/**
 * The contract a page's document connections speak (`?contract=` beside the token), raised when
 * what the page keeps in a document changes incompatibly. The relay closes a connection that
 * names another with `CloseCode.Outdated`, so a page older than the server is told to reload; a
 * stock y-websocket client names none and is served as always.
 */
export const DOCUMENT_CONTRACT = 1;

/** The key under which a document is stored and relayed: `<sessionId>/<docName>`. */
export function docKey(sessionId: string, docName: string): string {
  return `${sessionId}/${docName}`;
}

/**
 * Splits a relay path tail `<sessionId>/<docName>` into its parts, or returns null when either
 * part is malformed.
 */
export function parseDocKey(key: string): { sessionId: string; docName: string } | null {
  const slash = key.indexOf('/');
  if (slash < 0) return null;
  const sessionId = key.slice(0, slash);
  const docName = key.slice(slash + 1);
  if (!SESSION_ID_PATTERN.test(sessionId) || !DOC_NAME_PATTERN.test(docName)) return null;
  return { sessionId, docName };
}
