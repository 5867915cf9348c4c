/**
 * The relay's extension points. Each concern (auth, persistence, limits, metrics) is one object
 * implementing some of these hooks, in its own file; the relay runs them in the order given.
 * A hook that throws a `RelayRejection` refuses the request or closes that one connection.
 */
import type { CloseCode } from '@worktable/shared';
import type { DocumentAddress, Principal } from './address.js';
import type { Connection } from './connection.js';
import type { PresenceRefusals } from './presenceGuard.js';
import type { Room } from './room.js';

export type { DocumentAddress, Principal } from './address.js';

/** A refusal with the close code for an open connection and the HTTP status for a handshake. */
export class RelayRejection extends Error {
  constructor(
    readonly closeCode: CloseCode,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'RelayRejection';
  }
}

/** One concern of the relay. Every method is optional. */
export interface RelayHook {
  /** Name used in logs. */
  readonly name: string;
  /** Before the handshake: return the principal, or throw a `RelayRejection`. */
  onAuthenticate?(address: DocumentAddress, token: string | null): Promise<Principal | undefined>;
  /** Fills a freshly created room from storage before any client is served. */
  onLoadDocument?(room: Room): Promise<void>;
  /** Every `onLoadDocument` finished (the room is about to serve): catch up from elsewhere. */
  afterLoadDocument?(room: Room): void;
  /** A connection joined a room (after the document loaded). */
  onConnect?(connection: Connection, room: Room): void;
  /** Every raw incoming message, before it is decoded. Throw to close the connection. */
  onMessage?(connection: Connection, room: Room, message: Uint8Array): void;
  /** A document update from a writer, before it is applied. Throw to refuse it and close the connection. */
  beforeApplyUpdate?(connection: Connection, room: Room, update: Uint8Array): void;
  /** An awareness update from a connection, before it is applied. Throw to close the connection. */
  beforeApplyAwareness?(connection: Connection, room: Room, update: Uint8Array): void;
  /** Entries of a connection's awareness update were refused (neither applied nor relayed); the connection stays open. */
  onAwarenessRefused?(connection: Connection, room: Room, refusals: PresenceRefusals): void;
  /** The document changed (the update as Yjs integrated it). Called once per change. */
  onChange?(room: Room, update: Uint8Array): void;
  /** A message was sent to `recipients` connections (encoded once). */
  onBroadcast?(room: Room, recipients: number, bytes: number): void;
  /** A connection was closed by the relay for a reason (logged by the relay). */
  onReject?(connection: Connection, room: Room | null, rejection: RelayRejection): void;
  /** A connection left its room. */
  onDisconnect?(connection: Connection, room: Room): void;
  /** The room has no connections and is about to be dropped: flush what it holds. */
  beforeUnloadDocument?(room: Room): Promise<void>;
  /** The room was dropped from memory. */
  afterUnloadDocument?(docKey: string): void;
  /** The relay is shutting down: flush everything. */
  onShutdown?(): Promise<void>;
}
