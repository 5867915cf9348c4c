/**
 * `/s/:sessionId/dashboard`: the host dashboard. Uses the identity this browser stored for the
 * session (open the host link once to store it), checks with the server that it is the host's,
 * then shows the live dashboard. Anyone else gets a way back to the table.
 */
import { Link } from '../components/Link.js';
import { sessionPath } from '../router.js';
import { Dashboard } from './Dashboard.js';
import { useHostSession } from './useHostSession.js';

/** Props of `DashboardPage`. */
export interface DashboardPageProps {
  sessionId: string;
}

/** The dashboard page: who you are, then the dashboard or a way back. */
export function DashboardPage({ sessionId }: DashboardPageProps) {
  const { load, retry } = useHostSession(sessionId);

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
            <button type="button" className="button primary" onClick={retry}>
              Try again
            </button>
            <Link className="button ghost" href={sessionPath(sessionId)}>
              Go to the table
            </Link>
          </div>
        </div>
      );
    case 'ready':
      return <Dashboard sessionId={sessionId} title={load.view.title} protocolId={load.view.protocol} token={load.identity.token} inviteCode={load.identity.inviteCode ?? null} />;
  }
}
