/**
 * `/s/:sessionId`: the table. Loads the session with the stored token (or a host link's
 * `#token=…`), then opens the live table document: the canvas, presence and participants. The
 * table's code is a chunk of its own, fetched while the server answers.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '@worktable/shared';
import { ApiRequestError, getSession } from '../api.js';
import { Link } from '../components/Link.js';
import { forgetIdentity, loadIdentity, parseHostLinkFragment, saveIdentity, takeJoinedView, type StoredIdentity } from '../identity.js';
import { joinPath, navigate, sessionPath } from '../router.js';
import { SessionTable } from './lazyPages.js';
import { explainSessionRefusal } from './sessionRefusal.js';

type Load =
  | { kind: 'loading' }
  | { kind: 'no-identity' }
  | { kind: 'error'; heading: string; message: string; rejoinCode: string | null; canRetry: boolean }
  | { kind: 'ready'; view: SessionView; identity: StoredIdentity; justJoined: boolean };

/** Props of `SessionPage`. */
export interface SessionPageProps {
  sessionId: string;
}

/** The session page: resolves who you are, then shows the table. */
export function SessionPage({ sessionId }: SessionPageProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const fromLink = parseHostLinkFragment(window.location.hash);
    const stored = loadIdentity(sessionId);
    const token = fromLink?.token ?? stored?.token;
    if (!token) {
      setLoad({ kind: 'no-identity' });
      return;
    }
    setLoad({ kind: 'loading' });
    let cancelled = false;
    // Just joined: the join answered with the session already; else the server is asked. The
    // table's code comes meanwhile (the join page usually fetched it already), and the table shows
    // once both are here, so it never waits behind a fallback. (Should the code not arrive, the
    // table's place says so and offers a reload.)
    const joined = !fromLink && stored ? takeJoinedView(sessionId, stored.participantId) : null;
    Promise.all([joined ?? getSession(sessionId, token), SessionTable.preload().catch(() => undefined)]).then(
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
        saveIdentity(sessionId, identity);
        // A host link's token is now stored: take it out of the address bar and history.
        if (fromLink) navigate(sessionPath(sessionId), { replace: true });
        setLoad({ kind: 'ready', view, identity, justJoined: joined !== null });
      },
      (error: unknown) => {
        if (cancelled) return;
        const refused = error instanceof ApiRequestError && [401, 403, 404].includes(error.status);
        // A refused token is useless; forget it so the invite link offers the join form again.
        if (refused && !fromLink) forgetIdentity(sessionId);
        const refusal = explainSessionRefusal(error);
        setLoad({
          kind: 'error',
          heading: refusal.heading,
          message: refusal.message,
          rejoinCode: refusal.rejoin ? (fromLink?.inviteCode ?? stored?.inviteCode ?? null) : null,
          canRetry: refusal.canRetry,
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (load.kind !== 'ready') document.title = 'Worktable';
  }, [load.kind]);

  switch (load.kind) {
    case 'loading':
      return (
        <div className="page page-narrow" aria-busy="true">
          <h1 tabIndex={-1} className="h-quiet">
            Opening the table…
          </h1>
        </div>
      );
    case 'no-identity':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>You have not joined this session</h1>
            <p className="lead">
              This browser has no place at this table yet. Open the invite link the host sent you to join, or start a
              session of your own.
            </p>
          </header>
          <div className="actions">
            <Link className="button primary" href="/">
              Start a session
            </Link>
          </div>
        </div>
      );
    case 'error':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>{load.heading}</h1>
          </header>
          <p className="alert" role="alert">
            {load.message}
          </p>
          <div className="actions">
            {load.rejoinCode && (
              <Link className="button primary" href={joinPath(sessionId, load.rejoinCode)}>
                Join again
              </Link>
            )}
            {load.canRetry && (
              <button type="button" className="button primary" onClick={retry}>
                Try again
              </button>
            )}
            <Link className="button ghost" href="/">
              Go to the home page
            </Link>
          </div>
        </div>
      );
    case 'ready':
      return <SessionTable sessionId={sessionId} initialView={load.view} identity={load.identity} justJoined={load.justJoined} />;
  }
}
