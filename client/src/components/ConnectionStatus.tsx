/** The table connection indicator: connecting / connected / offline, announced politely. */
import { useTableStore } from '../session/tableConnection.js';

/** Shows the state of the live connection to the table. */
export function ConnectionStatus() {
  const status = useTableStore((s) => s.status);
  const synced = useTableStore((s) => s.synced);
  const closed = useTableStore((s) => s.closed);
  let label: string;
  if (status === 'connected') label = synced ? 'Connected' : 'Syncing…';
  else if (status === 'connecting') label = 'Connecting…';
  else if (closed && !closed.retrying) label = 'Offline';
  else label = 'Offline, reconnecting…';
  return (
    <p className={`connection connection-${status}`} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
