/**
 * The copies of a session's documents this browser keeps in IndexedDB (`worktable:<sessionId>/<doc>`,
 * see tableConnection.ts and privateConnection.ts), forgotten when the session is deleted so its
 * content does not outlive it here.
 */

/** The IndexedDB database name prefix of a session's local copies. */
export function localCopyPrefix(sessionId: string): string {
  return `worktable:${sessionId}/`;
}

/**
 * Deletes every local copy of `sessionId`'s documents. Best effort: a browser without
 * `indexedDB.databases()` keeps them. A copy still open is deleted once its page closes it.
 */
export async function forgetLocalCopies(sessionId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = localCopyPrefix(sessionId);
  try {
    for (const { name } of await indexedDB.databases()) {
      if (name?.startsWith(prefix)) indexedDB.deleteDatabase(name);
    }
  } catch {
    // Storage blocked: nothing to forget.
  }
}
