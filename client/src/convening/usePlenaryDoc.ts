/**
 * The convening's plenary document (`<sessionId>/plenary`), where harvest cards live, for pages
 * that have a table open: a second, lightweight Y.Doc + WebsocketProvider (no presence, no
 * offline copy). When the plenary itself is the open canvas, its connection is reused.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { PLENARY_DOC } from '@worktable/shared';
import { reconnectWithBackoff } from '../session/reconnect.js';
import { openDocumentProvider } from '../session/documentProvider.js';
import { useTableStore, type TableConnection } from '../session/tableConnection.js';

/** The plenary document and whether it has synced with the server. */
export interface PlenaryDoc {
  doc: Y.Doc;
  synced: boolean;
}

/** Opens the plenary while `enabled` (in a convening); `open` is the page's canvas connection. */
export function usePlenaryDoc(sessionId: string, token: string, enabled: boolean, open: TableConnection | null): PlenaryDoc | null {
  const reuse = open?.docName === PLENARY_DOC ? open : null;
  const openSynced = useTableStore((s) => s.synced);
  const [own, setOwn] = useState<PlenaryDoc | null>(null);

  useEffect(() => {
    if (!enabled || reuse) return;
    const doc = new Y.Doc();
    const provider = openDocumentProvider(sessionId, PLENARY_DOC, token, doc);
    const retry = reconnectWithBackoff(provider);
    // Not a presence on the plenary: only its cards are read here.
    provider.awareness.setLocalState(null);
    setOwn({ doc, synced: false });
    const onSync = (isSynced: boolean) => {
      if (isSynced) setOwn((current) => (current?.doc === doc && !current.synced ? { doc, synced: true } : current));
    };
    provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      retry.stop();
      provider.destroy();
      doc.destroy();
      setOwn(null);
    };
  }, [sessionId, token, enabled, reuse]);

  if (!enabled) return null;
  if (reuse) return { doc: reuse.doc, synced: openSynced };
  return own;
}
