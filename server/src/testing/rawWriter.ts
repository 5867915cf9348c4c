/**
 * Test helper: a writer on a raw WebSocket (no provider, so nothing reconnects and resends after a
 * refusal). Every change to its local Y.Doc is sent at once as a sync-update frame; it records how
 * the server closed it, code and reason.
 */
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../relay/messages.js';
import { openRawSocket } from './testServer.js';

/** How the server closed a socket. */
export interface CloseDetails {
  code: number;
  reason: string;
}

/** A raw writer to one document. */
export interface RawWriter {
  /** Edit this document: each transaction's update is sent as one frame. */
  doc: Y.Doc;
  /** Bytes of the updates sent so far. */
  sentBytes: number;
  /** Resolves when the socket closes. */
  closed: Promise<CloseDetails>;
  /** Whether the socket is still open. */
  readonly open: boolean;
  /** Closes the socket from this side. */
  close(): void;
}

/** Opens a raw writer to `<sessionId>/<docName>`. */
export async function openRawWriter(wsUrl: string, sessionId: string, docName: string, token: string): Promise<RawWriter> {
  const socket = await openRawSocket(wsUrl, sessionId, docName, token);
  const doc = new Y.Doc();
  const closed = new Promise<CloseDetails>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const writer: RawWriter = {
    doc,
    sentBytes: 0,
    closed,
    get open() {
      return socket.readyState === socket.OPEN;
    },
    close: () => socket.close(),
  };
  doc.on('update', (update: Uint8Array) => {
    if (socket.readyState !== socket.OPEN) return;
    writer.sentBytes += update.byteLength;
    socket.send(encodeSyncUpdate(update));
  });
  return writer;
}
