/**
 * A Yjs client on an in-memory socket pair: the relay's `RelaySocket` on one side, a `Y.Doc`
 * speaking y-protocols sync on the other, and no WebSocket, HTTP upgrade or port in between. For
 * the relay's tests of what it does with a document (convergence, separate documents, read-only
 * observers), where the socket is not the point; the tests of frames, upgrades and slow readers
 * keep real sockets. Messages are delivered a turn later (`setImmediate`), in order, as a network would.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { docKey } from '@worktable/shared';
import type { Relay } from '../relay/relay.js';
import type { RelaySocket } from '../relay/socket.js';

const MESSAGE_SYNC = 0;
/** The origin of what the relay sent, so it is not sent back. */
const FROM_RELAY = Symbol('from the relay');

/** A document connected to the relay in memory. */
export interface MemoryClient {
  doc: Y.Doc;
  /** Resolves once the relay's sync step 2 has been applied. */
  synced: Promise<void>;
  /** How the relay closed the connection, if it did. */
  readonly closedWith: { code: number; reason: string } | null;
  /** Disconnects (as a closed socket would) and destroys the document. */
  destroy(): void;
}

/** Authenticates `token` for `docName` of `sessionId` as the relay's upgrade does, then connects `doc` in memory. */
export async function connectMemoryClient(
  relay: Relay,
  sessionId: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
): Promise<MemoryClient> {
  const address = { sessionId, docName, docKey: docKey(sessionId, docName) };
  const principal = await relay.authenticate(address, token);
  let closedWith: { code: number; reason: string } | null = null;
  let open = true;
  let markSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve;
  });
  const fromRelay = (message: Uint8Array) => {
    if (!open) return;
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness: not needed here
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, reply, doc, FROM_RELAY);
    if (encoding.length(reply) > 1) handle.receive(encoding.toUint8Array(reply));
    if (type === syncProtocol.messageYjsSyncStep2) markSynced();
  };
  const socket: RelaySocket = {
    send: (message) => {
      const copy = message.slice();
      setImmediate(() => fromRelay(copy));
    },
    close: (code, reason) => {
      if (!open) return;
      open = false;
      closedWith = { code, reason };
      setImmediate(() => handle.closed());
    },
    bufferedAmount: 0,
  };
  const handle = relay.connect(socket, principal, address);
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_RELAY || !open) return;
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MESSAGE_SYNC);
    syncProtocol.writeUpdate(message, update);
    handle.receive(encoding.toUint8Array(message));
  };
  doc.on('update', onUpdate);
  const stepOne = encoding.createEncoder();
  encoding.writeVarUint(stepOne, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(stepOne, doc);
  handle.receive(encoding.toUint8Array(stepOne));
  return {
    doc,
    synced,
    get closedWith() {
      return closedWith;
    },
    destroy() {
      doc.off('update', onUpdate);
      if (open) {
        open = false;
        handle.closed();
      }
      doc.destroy();
    },
  };
}
