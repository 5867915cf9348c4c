/**
 * The open canvas document of the table page: opened with `openTable` for the document the page
 * shows, and reopened whenever that changes (a new seat, a summon, a host's visit).
 */
import { useEffect, useRef, useState } from 'react';
import { openTable, type PresenceUser, type TableConnection } from './tableConnection.js';

/** The open canvas document `docName` (null while none is open); `justJoined`: this browser keeps no copy of the first one yet. */
export function useTableConnection(
  sessionId: string,
  token: string,
  user: PresenceUser,
  docName: string,
  justJoined: boolean,
): TableConnection | null {
  const [connection, setConnection] = useState<TableConnection | null>(null);
  const { name, color, participantId, role } = user;
  // Only the first table after joining is sure to have no copy here.
  const first = useRef(justJoined);
  useEffect(() => {
    const opened = openTable(sessionId, token, { name, color, participantId, role }, docName, { noLocalCopy: first.current });
    first.current = false;
    setConnection(opened);
    return () => {
      opened.close();
      setConnection(null);
    };
  }, [sessionId, token, name, color, participantId, role, docName]);
  return connection;
}
