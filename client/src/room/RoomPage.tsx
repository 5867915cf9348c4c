/**
 * `/s/:sessionId/room`: the room display, for a projector. The host opens it from the dashboard
 * (a window of its own, with this browser's host identity); anyone else gets a way back.
 */
import { Link } from '../components/Link.js';
import { useHostSession } from '../dashboard/useHostSession.js';
import { sessionPath } from '../router.js';
import { RoomDisplay } from './RoomDisplay.js';

/** Props of `RoomPage`. */
export interface RoomPageProps {
  sessionId: string;
}

/** The room page: the host's identity, then the display. */
export function RoomPage({ sessionId }: RoomPageProps) {
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
            Opening the room display…
          </h1>
        </div>
      );
    case 'no-identity':
    case 'not-host':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>Only the host opens the room display</h1>
            <p className="lead">
              {load.kind === 'no-identity'
                ? 'This browser is not the host of this session. Open the host link you got when you created the session, then open the room display from the host dashboard.'
                : 'The room display is what the host projects for everyone in the room. Your place is at your table.'}
            </p>
          </header>
          <div className="actions">{back}</div>
        </div>
      );
    case 'error':
      return (
        <div className="page page-narrow">
          <header className="page-header">
            <h1 tabIndex={-1}>Could not open the room display</h1>
          </header>
          <p className="alert" role="alert">
            {load.message}
          </p>
          <div className="actions">
            <button type="button" className="button primary" onClick={retry}>
              Try again
            </button>
            {back}
          </div>
        </div>
      );
    case 'ready':
      return <RoomDisplay sessionId={sessionId} initialView={load.view} identity={load.identity} />;
  }
}
