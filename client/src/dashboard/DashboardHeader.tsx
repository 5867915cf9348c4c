/** The dashboard's header: session title, round, where everyone is, the clock mode, the live connection and Delete session. */
import { ClockMode, type DashboardPayload } from '@worktable/shared';
import { Link } from '../components/Link.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { DeleteSessionButton } from '../removal/DeleteSessionButton.js';
import { sessionPath } from '../router.js';
import { agendaPositionLabel } from './agendaFormat.js';
import { countOf, gatheringLabel } from './format.js';

/** Props of `DashboardHeader`. */
export interface DashboardHeaderProps {
  sessionId: string;
  title: string;
  /** The host's bearer token (to delete the session). */
  token: string;
  dashboard: DashboardPayload | null;
}

/** The header. */
export function DashboardHeader({ sessionId, title, token, dashboard }: DashboardHeaderProps) {
  const connected = useControlStore((s) => s.connected);
  const lastError = useControlStore((s) => s.lastError);
  return (
    <header className="session-header dash-header">
      <div>
        <p className="eyebrow">Host dashboard</p>
        <h1 tabIndex={-1}>{title}</h1>
        {dashboard && (
          <p className="dash-meta">
            <strong>{agendaPositionLabel(dashboard.agenda)}</strong>
            <span>{gatheringLabel(dashboard.gathering)}</span>
            {dashboard.convening && <span>{countOf(dashboard.tables.length, 'table')}</span>}
            {dashboard.convening && <span>{dashboard.clock === ClockMode.Shared ? 'One round clock' : 'Each table its own timer'}</span>}
          </p>
        )}
      </div>
      <div className="dash-header-side">
        <p className={`connection connection-${connected ? 'connected' : lastError ? 'offline' : 'connecting'}`} role="status">
          <span className="connection-dot" aria-hidden="true" />
          {connected ? 'Live' : lastError ? 'Offline' : 'Connecting…'}
        </p>
        <Link className="button ghost" href={sessionPath(sessionId)}>
          Back to the table
        </Link>
        <DeleteSessionButton sessionId={sessionId} title={title} token={token} />
      </div>
      {lastError && (
        <p className="alert dash-header-alert" role="alert">
          {lastError}
        </p>
      )}
    </header>
  );
}
