/**
 * The host's pages (the dashboard, the room display) open with the identity this browser stored
 * for the session, and only for the host: this asks the server who that identity is.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '@worktable/shared';
import { getSession, userMessage } from '../api.js';
import { loadIdentity, type StoredIdentity } from '../identity.js';

/** Where opening a host page stands. */
export type HostSessionLoad =
  | { kind: 'loading' }
  /** This browser has no identity in the session. */
  | { kind: 'no-identity' }
  /** It has one, but not the host's. */
  | { kind: 'not-host' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; view: SessionView; identity: StoredIdentity };

/** The load of `sessionId` as its host, and a way to try again after an error. */
export function useHostSession(sessionId: string): { load: HostSessionLoad; retry(): void } {
  const [load, setLoad] = useState<HostSessionLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const identity = loadIdentity(sessionId);
    if (!identity) {
      setLoad({ kind: 'no-identity' });
      return;
    }
    let cancelled = false;
    setLoad({ kind: 'loading' });
    getSession(sessionId, identity.token).then(
      (view) => !cancelled && setLoad(view.you.role === 'host' ? { kind: 'ready', view, identity } : { kind: 'not-host' }),
      (error: unknown) => !cancelled && setLoad({ kind: 'error', message: userMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
