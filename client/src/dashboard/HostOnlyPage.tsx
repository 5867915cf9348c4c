/**
 * The gate of the pages only the host opens (the dashboard, the room display): this browser's
 * host identity, checked with the server, then the page; while loading, a quiet heading; to
 * anyone else, why not and a way back to the table; after an error, Try again.
 */
import type { ReactNode } from 'react';
import { Link } from '../components/Link.js';
import { userMessage } from '../api.js';
import { sessionPath } from '../router.js';
import { useSessionIdentity, type SessionIdentityLoad } from '../session/useSessionIdentity.js';

/** What a host-only page says while it loads, to people who are not the host, and on an error. */
export interface HostOnlyWords {
  /** "Opening the dashboard…". */
  opening: string;
  /** Heading and lead for a browser with no identity in the session. */
  noIdentity: { title: string; lead: string };
  /** Heading and lead for someone who is not the host. */
  notHost: { title: string; lead: string };
  /** "Could not open the dashboard". */
  failed: string;
}

/** Props of `HostOnlyPage`. */
export interface HostOnlyPageProps {
  sessionId: string;
  words: HostOnlyWords;
  /** The page, once the host is known. */
  children(ready: Extract<SessionIdentityLoad, { kind: 'ready' }>): ReactNode;
}

/** The gate, then the page. */
export function HostOnlyPage({ sessionId, words, children }: HostOnlyPageProps) {
  const { load, retry } = useSessionIdentity(sessionId, { arrival: false });
  const back = (
    <Link className="button primary" href={sessionPath(sessionId)}>
      Go to the table
    </Link>
  );
  // Someone who is not the host is told so, as a browser with no identity here is, and sent back.
  const notHost = load.kind === 'ready' && load.view.you.role !== 'host';
  const refusal = load.kind === 'no-identity' ? words.noIdentity : notHost ? words.notHost : null;
  if (refusal) {
    return (
      <div className="page page-narrow">
        <header className="page-header">
          <h1 tabIndex={-1}>{refusal.title}</h1>
          <p className="lead">{refusal.lead}</p>
        </header>
        <div className="actions">{back}</div>
      </div>
    );
  }
  switch (load.kind) {
    case 'loading':
      return (
        <div className="page page-narrow" aria-busy="true">
          <h1 tabIndex={-1} className="h-quiet">
            {words.opening}
          </h1>
        </div>
      );
    case 'no-identity':
      return null;
    case 'error':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>{words.failed}</h1>
          </header>
          <p className="alert" role="alert">
            {userMessage(load.error)}
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
      return <>{children(load)}</>;
  }
}
