/** The one way a page opens the control channel: while the component is mounted, with a stable `send` (the table, the dashboard, the room display). */
import { useCallback, useEffect, useRef } from 'react';
import type { ControlAck, SessionAction } from '@worktable/shared';
import { OFFLINE_ACK, openControl, type ControlConnection } from './controlConnection.js';

/** Sends a control action (seat, move, broadcast, pause…) and resolves with the server's ack. */
export type SendSessionAction = (action: SessionAction) => Promise<ControlAck>;

/** Opens the control channel of `sessionId` with `token` while mounted; returns a stable `send`. */
export function useControlChannel(sessionId: string, token: string): SendSessionAction {
  const connection = useRef<ControlConnection | null>(null);
  useEffect(() => {
    const opened = openControl(sessionId, token);
    connection.current = opened;
    return () => {
      opened.close();
      if (connection.current === opened) connection.current = null;
    };
  }, [sessionId, token]);
  return useCallback((action: SessionAction) => connection.current?.send(action) ?? Promise.resolve(OFFLINE_ACK), []);
}
