/**
 * The relay core: rooms keyed by document, the y-websocket message loop, and the lifecycle
 * (load before serving, unload after a grace period, flush on shutdown). It knows nothing of
 * HTTP or of a particular socket library; transports hand it a `RelaySocket`.
 */
import * as Y from 'yjs';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCode } from '@worktable/shared';
import { Connection } from './connection.js';
import { RelayRejection, type DocumentAddress, type Principal, type RelayHook } from './hooks.js';
import { MalformedFrame, decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2 } from './messages.js';
import type { PresenceLimits, PresenceRefusals } from './presenceGuard.js';
import { Room, type RoomListener } from './room.js';
import type { RelaySocket } from './socket.js';

/** The part of a pino logger the relay uses. */
export interface RelayLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Relay settings. */
export interface RelayOptions {
  /** How long a document with no connections stays loaded. */
  unloadGraceMs: number;
  /** Bytes a connection may have queued for sending before it is closed as too slow. */
  maxBufferedBytes: number;
  logger: RelayLogger;
  /** The longest a busy room holds an update to relay it merged with the next ones, ms (default `MAX_RELAY_INTERVAL_MS`). */
  maxRelayWaitMs?: number;
  /** How much presence a connection and a room may hold (default `DEFAULT_PRESENCE_LIMITS`). */
  presence?: PresenceLimits;
}

/** What a transport calls for an accepted connection. */
export interface ConnectionHandle {
  /** One binary message arrived. */
  receive(message: Uint8Array): void;
  /** The transport closed (either side). */
  closed(): void;
}

/** Counts for health and metrics. */
export interface RelayStats {
  rooms: number;
  connections: number;
}

const UNLOAD_RETRY_MS = 1000;

/** The y-websocket relay. */
export class Relay {
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly listener: RoomListener;
  private readonly sendBuffer: { maxBytes: number; onOverflow(connection: Connection): void };
  private connectionCount = 0;
  /** Connections whose refused awareness was logged already (once each, so a flood is one line). */
  private readonly presenceRefusalsLogged = new WeakSet<Connection>();
  private shuttingDown = false;

  constructor(
    private readonly hooks: readonly RelayHook[],
    private readonly options: RelayOptions,
  ) {
    this.sendBuffer = {
      maxBytes: options.maxBufferedBytes,
      onOverflow: (connection) => {
        const room = this.rooms.get(connection.address.docKey);
        const rejection = new RelayRejection(
          CloseCode.SlowConnection,
          503,
          `send buffer passed ${options.maxBufferedBytes} bytes; the client is not reading`,
        );
        this.reject(connection, room?.connections.has(connection) ? room : null, rejection);
      },
    };
    this.listener = {
      changed: (room, update) => {
        for (const hook of this.hooks) hook.onChange?.(room, update);
      },
      broadcasted: (room, recipients, bytes) => {
        for (const hook of this.hooks) hook.onBroadcast?.(room, recipients, bytes);
      },
    };
  }

  /** Current counts. */
  stats(): RelayStats {
    return { rooms: this.rooms.size, connections: this.connectionCount };
  }

  /** The loaded room of a document, if any (for tests and diagnostics). */
  loadedRoom(docKey: string): Room | undefined {
    return this.rooms.get(docKey);
  }

  /**
   * Edits a document as the server: loads it if nobody has it open (and lets it unload again
   * after the grace period), applies `edit`, stores and relays the change.
   */
  async editDocument(address: DocumentAddress, edit: (doc: Y.Doc) => void): Promise<void> {
    if (this.shuttingDown) throw new Error('server is shutting down');
    const room = await this.openRoom(address);
    try {
      room.applyServerEdit(edit);
    } finally {
      this.scheduleUnloadIfEmpty(room);
    }
  }

  /** Runs the authentication hooks; resolves with the principal or rejects with a `RelayRejection`. */
  async authenticate(address: DocumentAddress, token: string | null): Promise<Principal> {
    if (this.shuttingDown) throw new RelayRejection(CloseCode.Unavailable, 503, 'server is shutting down');
    let principal: Principal | undefined;
    for (const hook of this.hooks) principal = (await hook.onAuthenticate?.(address, token)) ?? principal;
    if (!principal) throw new RelayRejection(CloseCode.Unauthorized, 401, 'no authentication hook accepted the token');
    return principal;
  }

  /**
   * Accepts an authenticated connection. Messages that arrive before the document has loaded
   * are queued, so nobody is served a document that is not yet complete.
   */
  connect(socket: RelaySocket, principal: Principal, address: DocumentAddress): ConnectionHandle {
    const connection = new Connection(socket, principal, address, this.sendBuffer);
    this.connectionCount++;
    let room: Room | null = null;
    let inbox: Uint8Array[] | null = [];
    let counted = true;

    this.openRoom(address).then(
      (opened) => {
        if (!connection.isOpen) {
          this.scheduleUnloadIfEmpty(opened);
          return;
        }
        room = opened;
        this.join(connection, opened);
        const queued = inbox ?? [];
        inbox = null;
        for (const message of queued) {
          if (!connection.isOpen) break;
          this.handleMessage(connection, opened, message);
        }
      },
      (error: unknown) => {
        this.options.logger.error({ err: error, doc: address.docKey }, 'could not load document');
        this.reject(connection, null, new RelayRejection(CloseCode.Unavailable, 503, 'document could not be loaded'));
      },
    );

    return {
      receive: (message) => {
        if (!connection.isOpen) return;
        if (inbox) inbox.push(message);
        else if (room) this.handleMessage(connection, room, message);
      },
      closed: () => {
        if (counted) this.connectionCount--;
        counted = false;
        connection.markClosed();
        inbox = null;
        if (room) {
          this.leave(connection, room);
          room = null;
        }
      },
    };
  }

  private join(connection: Connection, room: Room): void {
    room.connections.add(connection);
    for (const hook of this.hooks) hook.onConnect?.(connection, room);
    connection.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
    const states = room.awareness.getStates();
    if (states.size > 0) {
      connection.send(encodeAwareness(encodeAwarenessUpdate(room.awareness, [...states.keys()])));
    }
  }

  private leave(connection: Connection, room: Room): void {
    if (!room.connections.delete(connection)) return;
    room.presence.release(connection);
    for (const hook of this.hooks) hook.onDisconnect?.(connection, room);
    this.scheduleUnloadIfEmpty(room);
  }

  private handleMessage(connection: Connection, room: Room, frame: Uint8Array): void {
    try {
      for (const hook of this.hooks) hook.onMessage?.(connection, room, frame);
      const message = decodeMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(room.doc, message.stateVector)));
          break;
        case 'sync-step2':
        case 'sync-update':
          // Observers are read-only: their updates are dropped here, never applied, stored or relayed.
          if (!connection.writable) break;
          for (const hook of this.hooks) hook.beforeApplyUpdate?.(connection, room, message.update);
          // A sync-update frame that holds nothing but the update is relayed as received; a step 2
          // is re-framed as an update (a peer treats step 2 as "you are now in sync").
          room.applyUpdate(message.update, connection, message.type === 'sync-update' && message.exact ? frame : undefined);
          break;
        case 'awareness': {
          for (const hook of this.hooks) hook.beforeApplyAwareness?.(connection, room, message.update);
          const refusals = room.presence.apply(connection, message.update);
          if (refusals) this.awarenessRefused(connection, room, refusals);
          break;
        }
        case 'query-awareness':
          connection.send(encodeAwareness(encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])));
          break;
        case 'auth':
          break;
      }
    } catch (error) {
      const rejection =
        error instanceof RelayRejection
          ? error
          : new RelayRejection(
              CloseCode.BadFrame,
              400,
              error instanceof MalformedFrame ? error.message : `update could not be applied: ${(error as Error).message}`,
            );
      this.reject(connection, room, rejection);
    }
  }

  /** Tells the hooks about refused awareness entries, and logs the connection's first refusal. */
  private awarenessRefused(connection: Connection, room: Room, refusals: PresenceRefusals): void {
    for (const hook of this.hooks) hook.onAwarenessRefused?.(connection, room, refusals);
    if (this.presenceRefusalsLogged.has(connection)) return;
    this.presenceRefusalsLogged.add(connection);
    const { principal, address } = connection;
    this.options.logger.warn(
      { connection: connection.id, session: principal.sessionId, participant: principal.participantId, doc: address.docName, refusals },
      'refused awareness entries (logged once per connection; counted in worktable_limited_total)',
    );
  }

  /** Closes one connection for a reason, with a log line naming the offender. */
  private reject(connection: Connection, room: Room | null, rejection: RelayRejection): void {
    const { principal, address } = connection;
    this.options.logger.warn(
      {
        connection: connection.id,
        session: principal.sessionId,
        participant: principal.participantId,
        doc: address.docName,
        code: rejection.closeCode,
        reason: rejection.message,
      },
      'closing connection',
    );
    for (const hook of this.hooks) hook.onReject?.(connection, room, rejection);
    connection.close(rejection.closeCode, rejection.message);
    if (room) this.leave(connection, room);
  }

  private async openRoom(address: DocumentAddress): Promise<Room> {
    const key = address.docKey;
    for (let pending = this.unloading.get(key); pending; pending = this.unloading.get(key)) await pending;
    const loaded = this.rooms.get(key);
    if (loaded) {
      this.cancelUnload(key);
      return loaded;
    }
    const opening = this.opening.get(key);
    if (opening) return opening;
    const load = this.loadRoom(address).finally(() => this.opening.delete(key));
    this.opening.set(key, load);
    return load;
  }

  private async loadRoom(address: DocumentAddress): Promise<Room> {
    const room = new Room(address, this.listener, { maxRelayWaitMs: this.options.maxRelayWaitMs, presence: this.options.presence });
    try {
      for (const hook of this.hooks) await hook.onLoadDocument?.(room);
    } catch (error) {
      room.destroy();
      for (const hook of this.hooks) hook.afterUnloadDocument?.(address.docKey);
      throw error;
    }
    this.rooms.set(address.docKey, room);
    for (const hook of this.hooks) hook.afterLoadDocument?.(room);
    return room;
  }

  private cancelUnload(key: string): void {
    const timer = this.unloadTimers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(key);
    }
  }

  private scheduleUnloadIfEmpty(room: Room, delayMs = this.options.unloadGraceMs): void {
    if (room.connections.size > 0 || this.shuttingDown || this.rooms.get(room.docKey) !== room) return;
    this.cancelUnload(room.docKey);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.docKey);
      if (room.connections.size === 0) this.unload(room);
    }, delayMs);
    timer.unref();
    this.unloadTimers.set(room.docKey, timer);
  }

  private unload(room: Room): void {
    const key = room.docKey;
    this.rooms.delete(key);
    const done = (async () => {
      try {
        for (const hook of this.hooks) await hook.beforeUnloadDocument?.(room);
      } catch (error) {
        // Never drop a document whose changes are not stored: keep it and try again later.
        this.options.logger.error({ err: error, doc: key }, 'could not flush document before unloading; keeping it');
        this.rooms.set(key, room);
        this.scheduleUnloadIfEmpty(room, UNLOAD_RETRY_MS);
        return;
      }
      room.destroy();
      for (const hook of this.hooks) hook.afterUnloadDocument?.(key);
    })().finally(() => this.unloading.delete(key));
    this.unloading.set(key, done);
  }

  /** Closes the connections of one participant of a session (removed by the host). Returns how many. */
  closeParticipant(sessionId: string, participantId: string, code: CloseCode, reason: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      if (room.address.sessionId !== sessionId) continue;
      for (const connection of [...room.connections]) {
        if (connection.principal.participantId !== participantId) continue;
        connection.close(code, reason);
        this.leave(connection, room);
        closed++;
      }
    }
    return closed;
  }

  /**
   * Forgets every document of a session (it is being deleted): closes their connections and drops
   * the rooms without storing anything more. The hooks are told the documents unloaded.
   */
  discardSession(sessionId: string, code: CloseCode, reason: string): string[] {
    const keys: string[] = [];
    for (const [key, room] of [...this.rooms]) {
      if (room.address.sessionId !== sessionId) continue;
      this.cancelUnload(key);
      for (const connection of [...room.connections]) {
        connection.close(code, reason);
        room.connections.delete(connection);
      }
      this.rooms.delete(key);
      room.destroy();
      for (const hook of this.hooks) hook.afterUnloadDocument?.(key);
      keys.push(key);
    }
    return keys;
  }

  /**
   * Stops accepting work, closes every connection (clients reconnect elsewhere or later), and
   * lets the hooks flush everything they hold.
   */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.allSettled([...this.opening.values(), ...this.unloading.values()]);
    for (const room of this.rooms.values()) {
      for (const connection of [...room.connections]) {
        connection.close(CloseCode.Unavailable, 'server is shutting down');
        room.connections.delete(connection);
        // Other nodes drop its presence now (not 30 s later), so the client, reconnected there, can set it again.
        room.presence.release(connection);
      }
    }
    for (const hook of this.hooks) await hook.onShutdown?.();
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}
