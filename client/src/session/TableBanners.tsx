/**
 * The table page's banners about you and the connection: observing (read-only), offline with
 * changes kept in this browser, and a closed connection with what to do (join again, reload, or
 * go home when the session ended for you).
 */
import { Link } from '../components/Link.js';
import { forgetIdentity } from '../identity.js';
import { joinPath, navigate } from '../router.js';
import { useTableStore } from './tableConnection.js';
import type { TablePartProps } from './useTableSession.js';

/** "You are observing", to observers. */
export function ObserverBanner({ table }: TablePartProps) {
  if (!table.observing) return null;
  return (
    <div className="banner banner-observer">
      <p>
        <strong>You are observing: read-only.</strong>
      </p>
      <p>You follow the table live but cannot change it.</p>
    </div>
  );
}

/** What a closed connection lets you do: go home, join again, or reload. */
function ClosedActions({ table }: TablePartProps) {
  const closed = useTableStore((s) => s.closed);
  const { sessionId, identity } = table;
  const rejoin = () => {
    forgetIdentity(sessionId);
    navigate(joinPath(sessionId, identity.inviteCode));
  };
  if (!closed || closed.retrying) return null;
  return (
    <div className="actions">
      {closed.ended ? (
        <Link className="button secondary" href="/">
          Go to the home page
        </Link>
      ) : closed.rejoin && identity.inviteCode ? (
        <button type="button" className="button secondary" onClick={rejoin}>
          Join again
        </button>
      ) : (
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      )}
    </div>
  );
}

/** Offline (your changes will sync) and connection closed. */
export function ConnectionBanners({ table }: TablePartProps) {
  const closed = useTableStore((s) => s.closed);
  const status = useTableStore((s) => s.status);
  const synced = useTableStore((s) => s.synced);
  const storedLocally = useTableStore((s) => s.storedLocally);
  return (
    <>
      {status === 'offline' && (!closed || closed.retrying) && (synced || storedLocally) && !table.readOnly && (
        <div className="banner banner-warning" role="status">
          <p>
            <strong>Offline — your changes will sync.</strong> Keep working: everything you do is kept in this browser and merges with the
            table when the connection returns.
          </p>
        </div>
      )}
      {closed && (
        <div className={closed.retrying ? 'banner banner-warning' : 'banner banner-error'} role="alert">
          <p>
            <strong>Connection closed: {closed.reason}.</strong> {closed.advice}
          </p>
          <ClosedActions table={table} />
        </div>
      )}
    </>
  );
}
