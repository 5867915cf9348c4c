/**
 * A lean y-websocket client for load generation: one `ws` socket and one Y.Doc, speaking the
 * standard y-protocols sync messages (it answers the server's SyncStep1 with SyncStep2, sends its
 * own SyncStep1 on open, and sends every local change as a sync update). It skips what the
 * stock `WebsocketProvider` adds around that (awareness, reconnection, timers), so a thousand of
 * them fit in one generator process. Stamping and tallying live in `StampedDocument`.
 */
import { WebSocket, type RawData } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { StampedDocument, type DeliveryListener, type LoadClient } from './stampedDocument.js';

/** Re-exported so existing imports of the map name keep one definition. */
export { BENCH_MAP } from './stampedDocument.js';

const MESSAGE_SYNC = 0;

/** One benchmark connection speaking the y-websocket protocol (Worktable and the reference server). */
export class BenchClient extends StampedDocument implements LoadClient {
  /** Resolves when the first SyncStep2 from the server has been applied. */
  readonly synced: Promise<void>;
  /** Why the connection failed or closed unexpectedly, if it did. */
  failure: string | null = null;
  private readonly socket: WebSocket;
  private expectingClose = false;
  private isSynced = false;

  /**
   * Connects to `url`. Only a `writer` sends local changes (`write`); every client answers the
   * sync handshake and reports deliveries to `onDelivery`.
   */
  constructor(url: string, onDelivery: DeliveryListener, writer = false) {
    super(onDelivery, writer);
    if (writer) {
      // Only writers listen: with an 'update' listener, Yjs encodes every transaction, remote ones included.
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeUpdate(encoder, update);
        this.send(encoding.toUint8Array(encoder));
      });
    }

    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.synced = new Promise<void>((resolve, reject) => {
      this.socket.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
      });
      this.socket.on('message', (data: RawData) => {
        if (this.receive(toBytes(data)) && !this.isSynced) {
          this.isSynced = true;
          resolve();
        }
      });
      this.socket.on('unexpected-response', (_request, response) => {
        this.fail(`handshake refused with HTTP ${response.statusCode ?? '?'}`);
        reject(new Error(this.failure ?? 'refused'));
      });
      this.socket.on('error', (error: Error) => {
        this.fail(`socket error: ${error.message}`);
        reject(error);
      });
      this.socket.on('close', (code: number, reason: Buffer) => {
        if (!this.expectingClose) this.fail(`closed by the server: ${code} ${reason.toString('utf8')}`);
        reject(new Error(this.failure ?? 'closed'));
      });
    });
    // A rejection before anybody awaits `synced` must not crash the process; `failure` keeps the reason.
    this.synced.catch(() => undefined);
  }

  /** Marks closing by the server as expected (shutdown test). */
  expectClose(): void {
    this.expectingClose = true;
  }

  /** Closes the connection; resolves once it is closed (terminating it after `timeoutMs`). */
  close(timeoutMs = 2000): Promise<void> {
    this.expectingClose = true;
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.terminate(), timeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate();
      else this.socket.close();
    });
  }

  /** Handles one message; returns true when it was a SyncStep2 (the server's answer to our SyncStep1). */
  private receive(message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC) {
      this.otherMessage(type, decoder, message.byteLength);
      return false;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    return syncType === syncProtocol.messageYjsSyncStep2;
  }

  /** A message other than sync (awareness, …), positioned after its type; ignored here. */
  protected otherMessage(_type: number, _decoder: decoding.Decoder, _bytes: number): void {}

  /** Sends one message if the socket is open. */
  protected send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
    else if (!this.expectingClose) this.fail('tried to send on a socket that is not open');
  }

  private fail(reason: string): void {
    this.failure ??= reason;
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
