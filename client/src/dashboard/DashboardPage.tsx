/**
 * `/s/:sessionId/dashboard`: the host dashboard. Uses the identity this browser stored for the
 * session (open the host link once to store it), checks with the server that it is the host's,
 * then shows the live dashboard. Anyone else gets a way back to the table.
 */
import { useEffect, useState } from 'react';
import { getSession, userMessage } from '../api.js';
import { Link } from '../components/Link.js';
import { loadIdentity, type StoredIdentity } from '../identity.js';
import { sessionPath } from '../router.js';
import { Dashboard } from './Dashboard.js';

type Load =
  | { kind: 'loading' }
  | { kind: 'no-identity' }
  | { kind: 'not-host' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; title: string; identity: StoredIdentity };

/** Props of `DashboardPage`. */
export interface DashboardPageProps {
  sessionId: string;
}

/** The dashboard page: who you are, then the dashboard or a way back. */
export function DashboardPage({ sessionId }: DashboardPageProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
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
      (view) => !cancelled && setLoad(view.you.role === 'host' ? { kind: 'ready', title: view.title, identity } : { kind: 'not-host' }),
      (error: unknown) => !cancelled && setLoad({ kind: 'error', message: userMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, attempt]);

  const back = (
    <Link className="button primary" href={sessionPath(sessionId)}>
      Go to the table
    </Link>
  );
  switch (load.kind) {
    case 'loading':
      return (
        <div className="page page-narrow" aria-busy="true">
          <h1 tabIndex={-1} className="h-quiet">
            Opening the dashboard…
          </h1>
        </div>
      );
    case 'no-identity':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>This browser is not the host here</h1>
            <p className="lead">Open the host link you got when you created the session, then come back to the dashboard from the table.</p>
          </header>
          <div className="actions">{back}</div>
        </div>
      );
    case 'not-host':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>Only the host sees the dashboard</h1>
            <p className="lead">The dashboard lets the host seat people, run rounds and move people between tables. Your place is at your table.</p>
          </header>
          <div className="actions">{back}</div>
        </div>
      );
    case 'error':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>Could not open the dashboard</h1>
          </header>
          <p className="alert" role="alert">
            {load.message}
          </p>
          <div className="actions">
            <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
            <Link className="button ghost" href={sessionPath(sessionId)}>
              Go to the table
            </Link>
          </div>
        </div>
      );
    case 'ready':
      return <Dashboard sessionId={sessionId} title={load.title} token={load.identity.token} inviteCode={load.identity.inviteCode ?? null} />;
  }
}
