/**
 * Keeps your private document open while private writing is on at your table, and a little longer
 * after the reveal: until it has synced and the server has emptied it (the notes then show on the
 * table), so nothing blinks out before its copy arrives. Notes the server has not taken yet (written
 * offline, say) stay on screen, still marked private, until the next reveal takes them.
 */
import { useEffect, useState } from 'react';
import { artifactsOf } from '../canvas/tableModel.js';
import { openPrivateDoc, type PrivateConnection } from './privateConnection.js';

/** The open private document: `wanted` (from `privateDocOf`) while it is non-null, then until emptied. */
export function usePrivateDoc(sessionId: string, token: string, wanted: string | null): PrivateConnection | null {
  const [openName, setOpenName] = useState<string | null>(wanted);
  // A new private document takes over at once (adjusting state while rendering, as React allows).
  if (wanted !== null && wanted !== openName) setOpenName(wanted);

  const [connection, setConnection] = useState<PrivateConnection | null>(null);
  useEffect(() => {
    if (openName === null) return;
    const opened = openPrivateDoc(sessionId, token, openName);
    setConnection(opened);
    return () => {
      opened.close();
      setConnection(null);
    };
  }, [sessionId, token, openName]);

  // After the reveal: close once the server's copy is here and empty.
  useEffect(() => {
    if (wanted !== null || connection === null) return;
    const artifacts = artifactsOf(connection.doc);
    let synced = false;
    const check = () => {
      if (synced && artifacts.size === 0) setOpenName(null);
    };
    const stop = connection.onSynced(() => {
      synced = true;
      check();
    });
    artifacts.observe(check);
    return () => {
      stop();
      artifacts.unobserve(check);
    };
  }, [wanted, connection]);

  return connection;
}
