/** One client connected to one document. */
import { canWrite } from '@worktable/shared';
import type { DocumentAddress, Principal } from './address.js';
import type { RelaySocket } from './socket.js';

let nextConnectionId = 1;

/** A client's connection: who it is, which document, and which awareness clients it controls. */
export class Connection {
  /** Process-unique id, for logs. */
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection holds (`PresenceGuard`): only their states may it change; removed when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Whether this connection may change the document (observers may not). */
  readonly writable: boolean;
  private open = true;

  constructor(
    readonly socket: RelaySocket,
    readonly principal: Principal,
    readonly address: DocumentAddress,
    private readonly sendBuffer: { maxBytes: number; onOverflow(connection: Connection): void },
  ) {
    this.writable = canWrite(principal.role);
  }

  /** Whether the connection is still open. */
  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Sends a message unless the connection has closed. A client that stops reading would make the
   * server buffer without bound: past the cap, the connection is handed to `onOverflow` (closed).
   */
  send(message: Uint8Array): void {
    if (!this.open) return;
    this.socket.send(message);
    if (this.socket.bufferedAmount > this.sendBuffer.maxBytes) this.sendBuffer.onOverflow(this);
  }

  /** Closes the socket once; later calls do nothing. Returns whether this call closed it. */
  close(code: number, reason: string): boolean {
    if (!this.open) return false;
    this.open = false;
    this.socket.close(code, reason.slice(0, 120));
    return true;
  }

  /** Marks the connection closed after the transport reported it. */
  markClosed(): void {
    this.open = false;
  }
}
