/**
 * Where a session's control sockets sit and who is present, in two strategies: `LocalSockets`
 * when this node holds every socket of its sessions, `SharedSockets` when several nodes do (the
 * Redis adapter reaches sockets anywhere, and presence is counted across nodes). The control
 * plane asks the same questions of either, as it asks `LocalLeases` or `RedisLeases` who keeps a
 * session's timers.
 */
import type { CallSignaling } from './callSignaling.js';
import { Coalesced } from './coalesced.js';
import { tableRoomPrefix } from './controlRooms.js';
import { sessionRoom, type ControlServer, type ControlSocket, type ControlSocketData } from './controlServer.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { Leases } from '../scaleout/sessionLeases.js';

/** A session's sockets, on this node or on every node. */
export interface SessionSockets {
  /** Whether other nodes hold sockets of the same sessions. */
  readonly shared: boolean;
  /** A socket of `r`'s session was counted in: updates presence (and the state, across nodes). */
  arrived(socket: ControlSocket, r: SessionRuntime): Promise<void>;
  /** A counted socket left. */
  left(socket: ControlSocket, r: SessionRuntime): Promise<void>;
  /** Brings `r` up to date with the other nodes before acting on it (nothing to do on one node). */
  catchUp(r: SessionRuntime): Promise<void>;
  /**
   * Moves the sockets in `rooms` into the table room `roomOf` gives each, then calls `then` with
   * the sockets that may not be in their new room yet when something is sent to it (by socket id:
   * their new room), which must be sent their state directly; a session's reseats and what
   * follows them run in order.
   */
  reseat(
    _sessionId: string,
    rooms: readonly string[],
    roomOf: (data: ControlSocketData) => string,
    then: (unsettled: ReadonlyMap<string, string>) => void,
  ): void;
  /** Moves one socket of this node into `room` (out of its table room). */
  place(socket: ControlSocket, room: string): void;
}

const NONE: ReadonlyMap<string, string> = new Map();

/** One node: every socket is here, presence is counted as sockets come and go. */
export class LocalSockets implements SessionSockets {
  readonly shared: boolean = false;

  constructor(
    protected readonly io: ControlServer,
    protected readonly calls: CallSignaling,
  ) {}

  arrived(socket: ControlSocket, r: SessionRuntime): Promise<void> {
    return r.presenceChanged(socket.data.participantId, 1);
  }

  left(socket: ControlSocket, r: SessionRuntime): Promise<void> {
    return r.presenceChanged(socket.data.participantId, -1);
  }

  catchUp(_r: SessionRuntime): Promise<void> {
    return Promise.resolve();
  }

  reseat(
    _sessionId: string,
    rooms: readonly string[],
    roomOf: (data: ControlSocketData) => string,
    then: (unsettled: ReadonlyMap<string, string>) => void,
  ): void {
    for (const room of rooms) {
      for (const id of [...(this.io.sockets.adapter.rooms.get(room) ?? [])]) {
        const socket = this.io.sockets.sockets.get(id);
        // A socket still joining has no table room yet: it is placed when it has been counted.
        if (socket && tableRoomOf(socket) !== undefined) this.place(socket, roomOf(socket.data));
      }
    }
    then(NONE); // joins on this node take effect at once
  }

  place(socket: ControlSocket, room: string): void {
    const current = tableRoomOf(socket);
    if (current === room) return;
    if (current) void socket.leave(current);
    void socket.join(room);
    this.calls.moved(socket, current, room);
  }
}

/** The table room a socket of this node sits in (it sits in one at most), if any. */
function tableRoomOf(socket: ControlSocket): string | undefined {
  const prefix = tableRoomPrefix(socket.data.sessionId);
  for (const room of socket.rooms) if (room.startsWith(prefix)) return room;
  return undefined;
}

/**
 * Several nodes: presence is the sockets every node holds (asked through the adapter, once for
 * the callers that arrive together), the state is reloaded when another node stored a newer one,
 * and sockets anywhere are moved between table rooms through the adapter.
 */
export class SharedSockets extends LocalSockets {
  override readonly shared: boolean = true;
  private readonly catchUps = new Coalesced();
  /** Each session's reseats and what follows them, in order. */
  private readonly reseating = new Map<string, Promise<void>>();

  constructor(
    io: ControlServer,
    calls: CallSignaling,
    private readonly leases: Leases,
    private readonly failed: (error: unknown, sessionId: string) => void,
    /** Teaches `r` the participants it does not know yet (they joined after it loaded, on another node). */
    private readonly meet: (r: SessionRuntime, participantIds: readonly string[]) => Promise<void>,
  ) {
    super(io, calls);
  }

  override async arrived(socket: ControlSocket, r: SessionRuntime): Promise<void> {
    await this.leases.acquire(socket.data.sessionId);
    await this.catchUp(r);
  }

  override left(_socket: ControlSocket, r: SessionRuntime): Promise<void> {
    return this.catchUp(r);
  }

  /**
   * Callers that arrive together share one catch-up that starts after their calls: asking every
   * node for its sockets once per arrival would make a join burst cost the square of its size.
   */
  override catchUp(r: SessionRuntime): Promise<void> {
    return this.catchUps.run(r.sessionId, async () => {
      await r.refresh();
      const presence = await this.presence(r.sessionId);
      // Someone who joined after this node loaded the session and connected elsewhere is known
      // here only from storage: without them, a seating made here would leave them out.
      const strangers = [...presence.keys()].filter((id) => !r.hasParticipant(id));
      if (strangers.length > 0) await this.meet(r, strangers);
      await r.presenceIs(presence);
    });
  }

  override reseat(
    sessionId: string,
    rooms: readonly string[],
    roomOf: (data: ControlSocketData) => string,
    then: (unsettled: ReadonlyMap<string, string>) => void,
  ): void {
    const previous = this.reseating.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const touched = new Set<string>();
        // A join on another node travels apart from what is then sent to the room, and may arrive
        // after it: a moved socket is sent its state directly too.
        const moved = new Map<string, string>();
        for (const socket of await this.io.in([...rooms]).fetchSockets()) {
          const room = roomOf(socket.data);
          if (socket.rooms.has(room)) continue;
          for (const other of socket.rooms) {
            if (!other.startsWith(tableRoomPrefix(sessionId))) continue;
            socket.leave(other);
            touched.add(other);
          }
          socket.join(room);
          touched.add(room);
          moved.set(socket.id, room);
        }
        this.calls.reseated(sessionId, [...touched]);
        then(moved);
      })
      .catch((error: unknown) => this.failed(error, sessionId));
    this.reseating.set(sessionId, next);
  }

  /** Connections per participant of a session, on every node. */
  private async presence(sessionId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const socket of await this.io.in(sessionRoom(sessionId)).fetchSockets()) {
      const id = socket.data.participantId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
}
