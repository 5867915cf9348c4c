/**
 * "Who am I in this session": the one state machine every page of a session opens with. It finds
 * this browser's token (stored when it joined, or, on the table page, a host link's `#token=…`),
 * asks the server for the session with it, and says where that stands: loading, no identity here,
 * an error, or ready with the session and the identity. The table page, the host dashboard and the
 * room display all use it (the host's pages then check the role).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '@worktable/shared';
import { ApiRequestError, getSession } from '../api.js';
import { forgetIdentity, loadIdentity, parseHostLinkFragment, saveIdentity, takeJoinedView, type StoredIdentity } from '../identity.js';
import { navigate, sessionPath } from '../router.js';

/** Where opening a session with this browser's identity stands. */
export type SessionIdentityLoad =
  | { kind: 'loading' }
  /** This browser has no token for the session. */
  | { kind: 'no-identity' }
  /** The server refused or could not answer; `inviteCode` is the one this browser knows, for joining again. */
  | { kind: 'error'; error: unknown; inviteCode: string | null }
  /** `justJoined`: the view came with the join just now (this browser keeps no copy of the table yet). */
  | { kind: 'ready'; view: SessionView; identity: StoredIdentity; justJoined: boolean };

/** How a page opens the session. */
export interface SessionIdentityOptions {
  /**
   * The table page is where people arrive: it reads a host link's token from the address (storing it and
   * taking it out of the address bar), uses the view a join just answered with, keeps the identity
   * current, and forgets a token the server refuses so the invite link offers the join form again.
   * The host's other pages only use the identity stored here.
   */
  arrival: boolean;
  /** Fetched alongside the session: the load is ready once both are here (the table's code). */
  alongside?: () => Promise<unknown>;
}

/** The session and identity of `sessionId`, and a way to try again after an error. */
export function useSessionIdentity(
  sessionId: string,
  { arrival, alongside }: SessionIdentityOptions,
): { load: SessionIdentityLoad; retry(): void } {
  const [load, setLoad] = useState<SessionIdentityLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Try again) is the trigger to ask the server again
  useEffect(() => {
    const fromLink = arrival ? parseHostLinkFragment(window.location.hash) : null;
    const stored = loadIdentity(sessionId);
    const token = fromLink?.token ?? stored?.token;
    if (!token) {
      setLoad({ kind: 'no-identity' });
      return;
    }
    setLoad({ kind: 'loading' });
    let cancelled = false;
    // Just joined: the join answered with the session already; else the server is asked. What comes
    // alongside (the table's code) is fetched meanwhile, and the page shows once both are here.
    const joined = arrival && !fromLink && stored ? takeJoinedView(sessionId, stored.participantId) : null;
    const along = alongside ? alongside().catch(() => undefined) : undefined;
    Promise.all([joined ?? getSession(sessionId, token), along]).then(
      ([view]) => {
        if (cancelled) return;
        const me = view.participants.find((p) => p.participantId === view.you.participantId);
        const identity: StoredIdentity = {
          participantId: view.you.participantId,
          token,
          name: me?.name ?? stored?.name ?? 'Guest',
          role: view.you.role,
          inviteCode: fromLink?.inviteCode ?? stored?.inviteCode,
        };
        if (arrival) {
          saveIdentity(sessionId, identity);
          // A host link's token is now stored: take it out of the address bar and history.
          if (fromLink) navigate(sessionPath(sessionId), { replace: true });
        }
        setLoad({ kind: 'ready', view, identity, justJoined: joined !== null });
      },
      (error: unknown) => {
        if (cancelled) return;
        const refused = error instanceof ApiRequestError && [401, 403, 404].includes(error.status);
        // A refused token is useless; forget it so the invite link offers the join form again.
        if (arrival && refused && !fromLink) forgetIdentity(sessionId);
        setLoad({ kind: 'error', error, inviteCode: fromLink?.inviteCode ?? stored?.inviteCode ?? null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, attempt, arrival, alongside]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
