/**
 * Signaling of the calls at the tables, over the control channel: who is in each table's call
 * (`call:peers`, sent to the table's room whenever someone joins, leaves, mutes or moves) and the
 * relay of offers, answers and ICE candidates between two sockets of the same table. Media never
 * passes through here.
 *
 * A call is the table room a socket sits in (controlPlane.ts places sockets by the seating), so
 * when a round reseats, the rooms change and each table's new list of peers goes out; browsers
 * hang up on the peers that left and call the ones that came. With several nodes, rooms span
 * nodes through the Redis adapter and a signal for a socket on another node goes there with
 * `serverSideEmit`; the node holding the target checks that it still sits at the same table.
 */
import {
  CallEvent,
  callJoinSchema,
  callUpdateSchema,
  describeIssue,
  signalOutSchema,
  type CallJoinAck,
  type CallPeer,
  type CallSettings,
  type SignalIn,
} from '@worktable/shared';
import { sessionRoom, type ControlServer, type ControlSocket } from './controlServer.js';
import { turnCredentials, type IceSettings } from './iceServers.js';
import { SocketRateLimit } from '../security/socketRateLimit.js';
import { tableRoomPrefix } from './controlRooms.js';

/** What a socket in a call carries (in `socket.data.call`). */
export interface CallPresence {
  muted: boolean;
  video: boolean;
  asksToSpeak: boolean;
  /** In the plenary's call (everyone's) rather than their table's. */
  plenary?: boolean;
}

/** How long peer lists of one room are gathered before they go out. */
export const PEERS_COALESCE_MS = 20;

/** Counts for `/metrics`. */
export interface CallCounters {
  signal(outcome: 'relayed' | 'refused' | 'limited'): void;
}

/** Call signaling settings. */
export interface CallSignalingOptions {
  ice: IceSettings;
  /** Whether several nodes share the rooms (signals may need to cross nodes). */
  shared: boolean;
  counters?: CallCounters;
  now?: () => number;
}

/** The key of a session's plenary call (among the table rooms waiting for their lists). */
const PLENARY_PREFIX = 'plenary-call:';

function plenaryKey(sessionId: string): string {
  return `${PLENARY_PREFIX}${sessionId}`;
}

/** One entry of `call:peers`. */
function peerOf(peerId: string, participantId: string, call: CallPresence): CallPeer {
  return { peerId, participantId, muted: call.muted, video: call.video, asksToSpeak: call.asksToSpeak };
}

/** The table room a socket sits in, and its table id (null: at no table, where there is no call). */
function seatOf(rooms: ReadonlySet<string>, sessionId: string): { room: string; tableId: string | null } | null {
  const prefix = tableRoomPrefix(sessionId);
  for (const room of rooms) {
    if (!room.startsWith(prefix)) continue;
    const tableId = room.slice(prefix.length);
    return { room, tableId: tableId === '-' ? null : tableId };
  }
  return null;
}

/** Relays the calls of every session on this node. */
export class CallSignaling {
  private readonly due = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly limit: SocketRateLimit<ControlSocket>;
  private readonly now: () => number;

  constructor(
    private readonly io: ControlServer,
    private readonly options: CallSignalingOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.limit = new SocketRateLimit({ burst: options.ice.signalBurst, perSecond: options.ice.signalsPerSecond }, this.now);
    io.on('wt:call-signal', (to, room, signal) => this.deliverLocal(to, room, signal));
  }

  /** Listens to one socket's call events. */
  attach(socket: ControlSocket): void {
    socket.on(CallEvent.Join, (payload, ack) => {
      if (typeof ack !== 'function') return;
      if (!this.spend(socket))
        return ack({ ok: false, error: { code: 'rate_limited', message: 'Too many call changes at once; wait a moment and try again.' } });
      this.join(socket, payload).then(ack, () =>
        ack({ ok: false, error: { code: 'internal', message: 'The server could not start the call; try again.' } }),
      );
    });
    socket.on(CallEvent.Update, (payload) => {
      const parsed = callUpdateSchema.safeParse(payload);
      const call = socket.data.call;
      if (!parsed.success || !call || !this.spend(socket)) return;
      socket.data.call = { ...call, ...definedOnly(parsed.data) };
      this.roomChanged(socket);
    });
    socket.on(CallEvent.Leave, () => {
      const was = socket.data.call;
      if (!was) return;
      delete socket.data.call;
      this.scheduleFor(socket, was);
    });
    socket.on(CallEvent.Signal, (payload) => this.relay(socket, payload));
    socket.on('disconnecting', () => {
      if (socket.data.call) this.roomChanged(socket);
    });
  }

  /** Joins `socket` to its table's call or the plenary's; the answer is the ack. */
  private async join(socket: ControlSocket, payload: unknown): Promise<CallJoinAck> {
    const parsed = callJoinSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: describeIssue(parsed.error) } };
    const plenary = parsed.data.scope === 'plenary';
    if (plenary && (await this.plenaryCount(socket.data.sessionId, socket.id)) >= this.options.ice.maxPlenaryPeers) {
      return {
        ok: false,
        error: {
          code: 'full',
          message: `The plenary's call holds ${this.options.ice.maxPlenaryPeers} people. The host can give the plenary a call link on the dashboard.`,
        },
      };
    }
    const was = socket.data.call;
    socket.data.call = { muted: parsed.data.muted, video: plenary ? false : parsed.data.video, asksToSpeak: false, plenary };
    // Switching between the table's call and the plenary's: both lists change.
    if (was && was.plenary !== plenary) this.scheduleFor(socket, was);
    this.roomChanged(socket);
    return { ok: true, peerId: socket.id, settings: this.settingsFor(socket) };
  }

  /** ICE servers for this socket (TURN credentials made now, valid for the configured time). */
  private settingsFor(socket: ControlSocket): CallSettings {
    const { ice } = this.options;
    return {
      iceServers: turnCredentials(ice, `${socket.data.sessionId}.${socket.data.participantId}`, this.now()),
      maxVideoPeers: ice.maxVideoPeers,
      iceTransportPolicy: ice.transportPolicy,
      maxPlenaryPeers: ice.maxPlenaryPeers,
    };
  }

  /** A socket's call changed: the list of peers of its call goes out again. */
  private roomChanged(socket: ControlSocket): void {
    if (socket.data.call) this.scheduleFor(socket, socket.data.call);
  }

  /** Schedules the list of the call `call` of `socket` is in (its table's or the plenary's). */
  private scheduleFor(socket: ControlSocket, call: CallPresence): void {
    if (call.plenary) {
      this.schedule(plenaryKey(socket.data.sessionId));
      return;
    }
    const seat = seatOf(socket.rooms, socket.data.sessionId);
    if (seat) this.schedule(seat.room);
  }

  /** People in the plenary's call of a session, on every node (not counting `except`). */
  private async plenaryCount(sessionId: string, except: string): Promise<number> {
    const sockets = await this.io.in(sessionRoom(sessionId)).fetchSockets();
    return sockets.filter((s) => s.id !== except && s.data.call?.plenary).length;
  }

  /** A socket moved from one table room to another (a visit, a move, a reseat). */
  moved(socket: ControlSocket, from: string | undefined, to: string): void {
    if (!socket.data.call || socket.data.call.plenary) return;
    if (from) this.schedule(from);
    this.schedule(to);
  }

  /** The seating changed: every table of the session gets its list of peers again. */
  reseated(sessionId: string, rooms: readonly string[]): void {
    for (const room of rooms) if (room.startsWith(tableRoomPrefix(sessionId))) this.schedule(room);
  }

  private schedule(room: string): void {
    this.due.add(room);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const rooms = [...this.due];
      this.due.clear();
      for (const r of rooms) void this.sendPeers(r).catch(() => undefined);
    }, PEERS_COALESCE_MS);
    this.flushTimer.unref();
  }

  /** Sends a call its list: a table room's (every socket in it, on every node, in its call) or a session's plenary call. */
  private async sendPeers(key: string): Promise<void> {
    if (key.startsWith(PLENARY_PREFIX)) {
      const room = sessionRoom(key.slice(PLENARY_PREFIX.length));
      const sockets = await this.io.in(room).fetchSockets();
      const peers = sockets.flatMap((s) => (s.data.call?.plenary ? [peerOf(s.id, s.data.participantId, s.data.call)] : []));
      this.io.to(room).emit(CallEvent.Peers, { scope: 'plenary', tableId: null, peers });
      return;
    }
    const [, sessionId = '', table = '-'] = key.split(':');
    if (sessionId === '') return;
    const tableId = table === '-' ? null : table;
    const sockets = await this.io.in(key).fetchSockets();
    // At no table nobody is called.
    const peers: CallPeer[] =
      tableId === null
        ? []
        : sockets.flatMap((s) => (s.data.call && !s.data.call.plenary ? [peerOf(s.id, s.data.participantId, s.data.call)] : []));
    this.io.to(key).emit(CallEvent.Peers, { scope: 'table', tableId, peers });
  }

  /** Relays one signal to a socket at the sender's table, if the sender is in the call and within its rate. */
  private relay(socket: ControlSocket, payload: unknown): void {
    const counters = this.options.counters;
    if (!this.spend(socket)) {
      counters?.signal('limited');
      return;
    }
    const parsed = signalOutSchema.safeParse(payload);
    const call = socket.data.call;
    const room = call?.plenary ? plenaryKey(socket.data.sessionId) : seatOf(socket.rooms, socket.data.sessionId)?.room;
    if (!parsed.success || !call || !room || room.endsWith(':-') || parsed.data.to === socket.id) {
      counters?.signal('refused');
      return;
    }
    const { to, ...rest } = parsed.data;
    const signal: SignalIn = { ...rest, from: socket.id };
    if (this.deliverLocal(to, room, signal)) {
      counters?.signal('relayed');
      return;
    }
    if (this.options.shared && !this.io.sockets.sockets.has(to)) {
      this.io.serverSideEmit('wt:call-signal', to, room, signal);
      counters?.signal('relayed');
      return;
    }
    counters?.signal('refused');
  }

  /** Delivers a signal to a socket on this node that is in the same call (`call`: a table room or a plenary key). */
  private deliverLocal(to: string, call: string, signal: SignalIn): boolean {
    const target = this.io.sockets.sockets.get(to);
    if (!target?.data.call) return false;
    const same = call.startsWith(PLENARY_PREFIX)
      ? target.data.call.plenary === true && target.data.sessionId === call.slice(PLENARY_PREFIX.length)
      : !target.data.call.plenary && target.rooms.has(call);
    if (!same) return false;
    target.emit(CallEvent.Signal, signal);
    return true;
  }

  /** Takes one token of the socket's call bucket; false when it is empty. */
  private spend(socket: ControlSocket): boolean {
    return this.limit.spend(socket);
  }

  /** Stops the pending peer lists. */
  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.due.clear();
  }
}

/** The fields of an update that were given. */
function definedOnly(update: Partial<CallPresence>): Partial<CallPresence> {
  return Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
}
