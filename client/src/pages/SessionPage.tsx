/**
 * `/s/:sessionId`: the table. Loads the session with the stored token (or a host link's
 * `#token=…`), then opens the live table document: the canvas, presence and participants. The
 * table's code is a chunk of its own, fetched while the server answers.
 */
import { useEffect } from 'react';
import { Link } from '../components/Link.js';
import { joinPath } from '../router.js';
import { useSessionIdentity } from '../session/useSessionIdentity.js';
import { SessionTable } from './lazyPages.js';
import { explainSessionRefusal } from './sessionRefusal.js';

/** Props of `SessionPage`. */
export interface SessionPageProps {
  sessionId: string;
}

/** The session page: resolves who you are, then shows the table. */
export function SessionPage({ sessionId }: SessionPageProps) {
  // The table's code comes while the server answers (the join page usually fetched it already), and
  // the table shows once both are here, so it never waits behind a fallback. (Should the code not
  // arrive, the table's place says so and offers a reload.)
  const { load, retry } = useSessionIdentity(sessionId, { arrival: true, alongside: SessionTable.preload });

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
              This browser has no place at this table yet. Open the invite link the host sent you to join, or start a session of your own.
            </p>
          </header>
          <div className="actions">
            <Link className="button primary" href="/">
              Start a session
            </Link>
          </div>
        </div>
      );
    case 'error': {
      const refusal = explainSessionRefusal(load.error);
      const rejoinCode = refusal.rejoin ? load.inviteCode : null;
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>{refusal.heading}</h1>
          </header>
          <p className="alert" role="alert">
            {refusal.message}
          </p>
          <div className="actions">
            {rejoinCode && (
              <Link className="button primary" href={joinPath(sessionId, rejoinCode)}>
                Join again
              </Link>
            )}
            {refusal.canRetry && (
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
    }
    case 'ready':
      return <SessionTable sessionId={sessionId} initialView={load.view} identity={load.identity} justJoined={load.justJoined} />;
  }
}
