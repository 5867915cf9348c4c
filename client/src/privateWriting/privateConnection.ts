/**
 * The connection to your own private document (`private-<tableId>-<you>`): a Y.Doc synced through
 * the stock y-websocket provider and kept in IndexedDB like the table (so private notes written
 * offline are kept and sync when the connection returns). Unlike the table it publishes no
 * presence and leaves the table's connection store alone: it is an extra layer, not the open table.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openLocalStore } from '../session/localStore.js';
import { reconnectWithBackoff } from '../session/reconnect.js';
import { openDocumentProvider } from '../session/documentProvider.js';

/** An open private document. */
export interface PrivateConnection {
  docName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Calls `listener` once the document has synced with the server (at once when it has); returns an unsubscribe. */
  onSynced(listener: () => void): () => void;
  /** Disconnects and frees the document (the copy in this browser stays). */
  close(): void;
}

/** Opens `docName` of `sessionId` with `token`. */
export function openPrivateDoc(sessionId: string, token: string, docName: string): PrivateConnection {
  const doc = new Y.Doc();
  const local = openLocalStore(`worktable:${sessionId}/${docName}`, doc);
  const provider = openDocumentProvider(sessionId, docName, token, doc);
  const retry = reconnectWithBackoff(provider);
  return {
    docName,
    doc,
    provider,
    onSynced(listener) {
      if (provider.synced) {
        listener();
        return () => undefined;
      }
      const handler = (synced: boolean) => {
        if (synced) listener();
      };
      provider.on('sync', handler);
      return () => provider.off('sync', handler);
    },
    close() {
      retry.stop();
      provider.destroy();
      local.close();
      doc.destroy();
    },
  };
}
