/**
 * Tells the server which table a roaming host is looking at (`visit`), so their protocol panel
 * shows that table's phase and timer and their run actions act on it; `visit null` when they go
 * back to the plenary or leave the page. The control connection sends it again after a reconnect.
 */
import { useEffect } from 'react';
import { visitTable } from '../protocol/controlConnection.js';

/** Keeps the server's `visit` on `tableId` (see `visitTarget`) while mounted. */
export function useHostVisit(tableId: string | null): void {
  useEffect(() => {
    visitTable(tableId);
  }, [tableId]);
  useEffect(() => () => visitTable(null), []);
}
