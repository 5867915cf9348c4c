/**
 * The control plane: one `SessionRuntime` per session with sockets or a running timer, the
 * socket.io events (`control`, `time:sync`, `session:state`, `convening:dashboard`), and the
 * catch-up at start, when every run that was going when the server stopped resumes from its
 * persisted deadlines.
 *
 * Each socket sits in its session's room and in the room of the table its participant sits at,
 * so one change is encoded once per table; host sockets also sit in the hosts' room and receive
 * the dashboard (after changes, at most every `DASHBOARD_THROTTLE_MS`, and every
 * `DASHBOARD_REFRESH_MS` for activity).
 */
import {
  ControlEvent,
  SINGLE_TABLE_ID,
  SessionRole,
  ballotOf,
  controlActionSchema,
  isConveningAction,
  visitActionSchema,
  describeIssue,
  initialSessionControl,
  rosterPinActions,
  upgradeSessionControl,
  type ControlAck,
  type RosterColumns,
  type RosterSeat,
  type SessionAction,
  type SessionControl,
  type Protocol,
  type TableEntry,
} from '@worktable/shared';
import crypto from 'node:crypto';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import type { PrivateReveal } from './privateReveal.js';
import { isReactPayload, type AnonymousReactions } from './anonymousReactions.js';
import { silentAt } from './feedbackRules.js';
import { LEASE_RENEW_MS, LocalLeases, type Leases } from '../scaleout/sessionLeases.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import type { RelayLogger } from '../relay/relay.js';
import type { ParticipantRecord, StoragePort } from '../storage/port.js';
import { sessionRoom, type ControlServer, type ControlSocket, type ControlSocketData } from './controlServer.js';
import { CallSignaling, type CallCounters } from './callSignaling.js';
import { SIGNALS_PER_SECOND, SIGNAL_BURST, type IceSettings } from './iceServers.js';
import { CONTROL_ACTIONS_PER_SECOND, CONTROL_ACTION_BURST, RATE_LIMITED_ACK, type ControlCounters } from './controlRate.js';
import { SocketRateLimit, type SocketRate } from '../security/socketRateLimit.js';
import { buildDashboard, type DocumentActivity } from './dashboard.js';
import { Coalesced } from './coalesced.js';
import { SessionRuntime, type Changed, type Member, type RuntimeResult } from './sessionRuntime.js';

/** Control plane settings. */
export interface ControlPlaneOptions {
  facilitatorGraceMs: number;
  logger: RelayLogger;
  /** Looks up a protocol by id (built-ins, plus whatever tests inject). */
  findProtocol: (id: string) => Protocol | undefined;
  /** Document activity for the host dashboard. */
  activity: DocumentActivity;
  /** Keeps the tables' history at phase boundaries. */
  history?: HistoryRecorder;
  /** Reveals private writing when it ends. */
  privateReveal?: PrivateReveal;
  /** Writes anonymous reactions (`react`); without it they are refused. */
  anonymousReactions?: AnonymousReactions;
  /** ICE servers and mesh cap for the calls at the tables (none: browsers connect directly). */
  ice?: IceSettings;
  /** Counts call signals for `/metrics`. */
  callCounters?: CallCounters;
  /** Control actions one socket may send at once and per second (defaults: `CONTROL_ACTION_BURST`, `CONTROL_ACTIONS_PER_SECOND`). */
  actionRate?: SocketRate;
  /** Counts control actions for `/metrics`. */
  controlCounters?: ControlCounters;
  /** Who keeps each session's timers (one node: this one; with Redis: leases). */
  leases?: Leases;
  /** A participant was removed (here or on another node): close their document connections on this node. */
  onForgetParticipant?: (sessionId: string, participantId: string) => void;
  /** A session was deleted (here or on another node): drop its documents on this node without storing. */
  onForgetSession?: (sessionId: string) => void;
  now?: () => number;
}

/** Longest wait between a change and the dashboard that shows it. */
export const DASHBOARD_THROTTLE_MS = 250;
/** A single table's new members are published at once below this many sockets, else gathered (see `publishPresenceSoon`). */
export const PRESENCE_COALESCE_FROM = 50;
/** The longest a single table's new members wait to be published. */
const PRESENCE_PUBLISH_MAX_MS = 1000;
/** How often hosts get a fresh dashboard while nothing changes (activity moves on). */
export const DASHBOARD_REFRESH_MS = 5_000;

/** The socket.io room of the people at one table of a session (`null`: at no table). */
export function tableRoom(sessionId: string, tableId: string | null): string {
  return `table:${sessionId}:${tableId ?? '-'}`;
}

/** The socket.io room of a session's host sockets. */
export function hostsRoom(sessionId: string): string {
  return `hosts:${sessionId}`;
}

/** No ICE servers (browsers on one network reach each other directly) and the default mesh cap. */
const NO_ICE: IceSettings = { urls: [], turnSecret: undefined, turnTtlSeconds: 3600, maxVideoPeers: 8, transportPolicy: 'all', maxPlenaryPeers: 24, signalBurst: SIGNAL_BURST, signalsPerSecond: SIGNALS_PER_SECOND };

/** The ack when applying an action failed on the server's side. */
const INTERNAL_ACK: ControlAck = { ok: false, error: { code: 'internal', message: 'The server could not apply this; try again.' } };

/** Runs every session's protocol on the server. */
export class ControlPlane {
  private readonly runtimes = new Map<string, Promise<SessionRuntime>>();
  /** Each loading runtime once it has loaded (so `loadedRuntime` can answer synchronously). */
  private readonly loaded = new WeakMap<Promise<SessionRuntime>, SessionRuntime>();
  private readonly tableRoomOf = new WeakMap<ControlSocket, string>();
  private readonly dashboardDue = new Map<string, NodeJS.Timeout>();
  /** Several nodes: each session's publications, in order. */
  private readonly publishing = new Map<string, Promise<void>>();
  /** Catch-ups across nodes, shared by the callers that arrive together. */
  private readonly catchUps = new Coalesced();
  /** Sessions whose single table's new members are about to be published. */
  private readonly presenceDue = new Map<string, NodeJS.Timeout>();
  /** The table directory last sent per session (JSON), so it is sent again only when it changes. */
  private readonly directorySent = new Map<string, string>();
  private readonly refresh: NodeJS.Timeout;
  private readonly takeover: NodeJS.Timeout | null;
  private readonly leases: Leases;
  private readonly now: () => number;
  private readonly calls: CallSignaling;
  private readonly actionLimit: SocketRateLimit<ControlSocket>;
  private closing = false;

  constructor(
    private readonly io: ControlServer,
    private readonly storage: StoragePort,
    private readonly options: ControlPlaneOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.leases = options.leases ?? new LocalLeases();
    this.calls = new CallSignaling(io, { ice: options.ice ?? NO_ICE, shared: this.leases.shared, counters: options.callCounters, now: this.now });
    this.actionLimit = new SocketRateLimit(options.actionRate ?? { burst: CONTROL_ACTION_BURST, perSecond: CONTROL_ACTIONS_PER_SECOND }, this.now);
    io.on('connection', (socket) => this.connected(socket));
    this.refresh = setInterval(() => this.refreshDashboards(), DASHBOARD_REFRESH_MS);
    this.refresh.unref();
    // Several nodes: take over the timers of running sessions whose node is gone.
    this.takeover = this.leases.shared ? setInterval(() => void this.resumeAll().catch((error: unknown) => this.failed(error, '*')), LEASE_RENEW_MS) : null;
    this.takeover?.unref();
    io.on('wt:participant-removed', (sessionId, participantId) => void this.forgetParticipant(sessionId, participantId));
    io.on('wt:session-deleted', (sessionId) => void this.forgetSession(sessionId));
    io.on('wt:roster-imported', (sessionId) => void this.reloadParticipants(sessionId).catch((error: unknown) => this.failed(error, sessionId)));
    this.leases.onLost((sessionId) => {
      void this.runtimes.get(sessionId)?.then((r) => r.stopTimer(), () => undefined);
    });
  }

  /** Connections per participant of a session, on every node. */
  private async presenceAcrossNodes(sessionId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const socket of await this.io.in(sessionRoom(sessionId)).fetchSockets()) {
      const id = socket.data.participantId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Several nodes: refreshes presence and state from everywhere before acting on them. Callers
   * that arrive together share one catch-up that starts after their calls: asking every node for
   * its sockets once per arrival would make a join burst cost the square of its size.
   */
  private catchUpAcrossNodes(sessionId: string, r: SessionRuntime): Promise<void> {
    if (!this.leases.shared) return Promise.resolve();
    return this.catchUps.run(sessionId, async () => {
      await r.refresh();
      await r.presenceIs(await this.presenceAcrossNodes(sessionId));
    });
  }

  private connected(socket: ControlSocket): void {
    const { sessionId, participantId, role } = socket.data;
    const runtime = this.runtime(sessionId);
    let counted = false;
    if (role === SessionRole.Host) void socket.join(hostsRoom(sessionId));
    this.calls.attach(socket);
    runtime.then(
      async (r) => {
        if (!r.hasParticipant(participantId)) {
          const fresh = await this.storage.getParticipant(sessionId, participantId);
          if (fresh) r.upsertParticipant(memberOf(fresh));
        }
        if (socket.disconnected) return;
        counted = true;
        if (this.leases.shared) {
          await this.leases.acquire(sessionId);
          await this.catchUpAcrossNodes(sessionId, r);
        } else await r.presenceChanged(participantId, 1);
        if (socket.disconnected) return;
        const tableId = r.tableOf(participantId);
        this.place(socket, tableRoom(sessionId, tableId));
        socket.emit(ControlEvent.Tables, r.tableDirectory());
        socket.emit(ControlEvent.State, r.stateFor(tableId));
        socket.emit(ControlEvent.Ballot, ballotOf(r.control, tableId, participantId));
        if (role === SessionRole.Host) socket.emit(ControlEvent.Dashboard, buildDashboard(r, this.options.activity, this.now()));
      },
      (error: unknown) => this.failed(error, sessionId),
    );
    socket.on(ControlEvent.Control, (payload, reply) => {
      if (typeof reply !== 'function') return;
      const counters = this.options.controlCounters;
      // Over the socket's rate: refused before any work, so nothing is stored or sent to anyone.
      if (!this.actionLimit.spend(socket)) {
        counters?.action('limited');
        reply(RATE_LIMITED_ACK);
        return;
      }
      const ack = (answer: ControlAck): void => {
        counters?.action(answer.ok ? 'accepted' : 'refused');
        reply(answer);
      };
      const internal = (error: unknown): void => {
        this.failed(error, sessionId);
        ack(INTERNAL_ACK);
      };
      if (isReactPayload(payload)) {
        runtime.then((r) => this.react(socket, r, payload)).then(ack, internal);
        return;
      }
      const visit = visitActionSchema.safeParse(payload);
      if (visit.success) {
        runtime.then((r) => ack(this.visit(socket, r, visit.data.tableId)), internal);
        return;
      }
      const parsed = controlActionSchema.safeParse(payload);
      if (!parsed.success) {
        ack({ ok: false, error: { code: 'bad_request', message: describeIssue(parsed.error) } });
        return;
      }
      runtime
        .then(async (r) => {
          await this.catchUpAcrossNodes(sessionId, r);
          return r;
        })
        .then((r) => r.apply(atVisitedTable(parsed.data, socket.data.visiting), participantId).then((result): ControlAck => (result.ok ? { ok: true, state: r.stateFor(this.shownTable(r, socket.data)), ballot: ballotOf(r.control, r.tableOf(participantId), participantId) } : result)))
        .then(ack, internal);
    });
    socket.on(ControlEvent.TimeSync, (ack) => {
      if (typeof ack === 'function') ack({ serverNow: this.now() });
    });
    socket.on('disconnect', () => {
      if (!counted || this.closing) return;
      runtime
        .then(async (r) => {
          if (this.leases.shared) await this.catchUpAcrossNodes(sessionId, r);
          else await r.presenceChanged(participantId, -1);
          this.dropIfIdle(sessionId, runtime, r);
        })
        .catch((error: unknown) => this.failed(error, sessionId));
    });
  }

  /**
   * Nobody connected (not even a socket still joining) and no deadline pending: drops the runtime;
   * its state is persisted and reloads on the next connection.
   */
  private dropIfIdle(sessionId: string, runtime: Promise<SessionRuntime>, r: SessionRuntime): void {
    const joining = this.io.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0;
    if (!r.isActive && joining === 0 && this.runtimes.get(sessionId) === runtime) {
      r.close();
      this.runtimes.delete(sessionId);
      this.directorySent.delete(sessionId);
    }
  }

  /** A host visits a table (or leaves it, with null): their socket follows that table's state. */
  private visit(socket: ControlSocket, r: SessionRuntime, tableId: string | null): ControlAck {
    const { sessionId, participantId } = socket.data;
    if (!r.actorOf(participantId).isHost) return { ok: false, error: { code: 'forbidden', message: 'Only the host visits tables.' } };
    if (tableId !== null && !r.seating().some((t) => t.id === tableId)) return { ok: false, error: { code: 'bad_request', message: `There is no table ${tableId}.` } };
    socket.data.visiting = tableId;
    const shown = this.shownTable(r, socket.data);
    this.place(socket, tableRoom(sessionId, shown));
    const state = r.stateFor(shown);
    socket.emit(ControlEvent.State, state);
    return { ok: true, state };
  }

  /**
   * An anonymous reaction (`react`), written by the server into the table document named, else
   * the one the sender visits or sits at (a session with one table: that table).
   */
  private async react(socket: ControlSocket, r: SessionRuntime, payload: unknown): Promise<ControlAck> {
    const { sessionId, participantId, role } = socket.data;
    const reactions = this.options.anonymousReactions;
    if (!reactions) return { ok: false, error: { code: 'unavailable', message: 'This server does not take anonymous reactions.' } };
    await this.catchUpAcrossNodes(sessionId, r);
    const shown = this.shownTable(r, socket.data);
    const defaultDocName = shown ?? (r.control.convening ? null : SINGLE_TABLE_ID);
    const refused = await reactions.apply(payload, {
      sessionId,
      participantId,
      role,
      defaultDocName,
      anonymous: r.control.anonymousReactions,
      listensSilentlyAt: (docName) => silentAt(r, docName, participantId),
    });
    return refused ? { ok: false, error: refused } : { ok: true, state: r.stateFor(shown) };
  }

  /** The table whose state a socket receives: the one a host visits, else the one its participant sits at. */
  private shownTable(r: SessionRuntime, data: ControlSocketData): string | null {
    if (data.visiting && r.seating().some((t) => t.id === data.visiting)) return data.visiting;
    return r.tableOf(data.participantId);
  }

  /** Moves a socket into its table's room (out of the one it was in). */
  private place(socket: ControlSocket, room: string): void {
    const current = this.tableRoomOf.get(socket);
    if (current === room) return;
    if (current) void socket.leave(current);
    void socket.join(room);
    this.tableRoomOf.set(socket, room);
    this.calls.moved(socket, current, room);
  }

  /**
   * Sends a committed change: moves the sockets whose seat changed into their table's room, then
   * one state per changed table (encoded once for its room) and, when tables were set or renamed,
   * the directory. A change at one table touches only that table's sockets and the unseated ones,
   * so the cost of a change grows with what it changed, not with the event.
   */
  private publish(runtime: SessionRuntime, changed: Changed): void {
    const { sessionId } = runtime;
    const seating = runtime.seating();
    const tableOf = new Map(seating.flatMap((t) => t.members.map((m) => [m, t.id] as const)));
    const first = seating[0]?.id;
    // People at no table see the first table's run (the round clock).
    const targets: (string | null)[] = changed === 'all' ? [...seating.map((t) => t.id), null] : [...changed];
    if (changed !== 'all' && first !== undefined && changed.includes(first)) targets.push(null);
    const watched = changed === 'all' ? [sessionRoom(sessionId)] : [...changed, null].map((id) => tableRoom(sessionId, id));
    const directory = changed === 'all' ? this.directoryChange(runtime) : null;
    const emit = () => {
      if (directory) this.io.to(sessionRoom(sessionId)).emit(ControlEvent.Tables, directory);
      const agenda = runtime.agenda();
      for (const tableId of targets) this.io.to(tableRoom(sessionId, tableId)).emit(ControlEvent.State, runtime.stateFor(tableId, agenda));
      this.scheduleDashboard(runtime);
    };
    if (!this.leases.shared) {
      for (const room of watched) {
        for (const id of [...(this.io.sockets.adapter.rooms.get(room) ?? [])]) {
          const socket = this.io.sockets.sockets.get(id);
          if (socket && this.tableRoomOf.has(socket)) this.place(socket, tableRoom(sessionId, this.visitedOr(socket.data, seating, tableOf)));
        }
      }
      emit();
      return;
    }
    // Several nodes: sockets anywhere are moved between table rooms through the adapter, and a
    // session's publications stay in order.
    const previous = this.publishing.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        for (const socket of await this.io.in(watched).fetchSockets()) {
          const room = tableRoom(sessionId, this.visitedOr(socket.data, seating, tableOf));
          if (socket.rooms.has(room)) continue;
          for (const other of socket.rooms) if (other.startsWith(`table:${sessionId}:`)) socket.leave(other);
          socket.join(room);
        }
        this.calls.reseated(sessionId, targets.map((id) => tableRoom(sessionId, id)));
        emit();
      })
      .catch((error: unknown) => this.failed(error, sessionId));
    this.publishing.set(sessionId, next);
  }

  /**
   * Publishes a single table's new members: at once in a small session, and in a large one
   * (`PRESENCE_COALESCE_FROM` sockets or more) after a wait of a millisecond per socket, up to 1 s,
   * so that 1,000 people arriving within seconds cost a few publications of the table rather than
   * one per arrival, each to everyone. Each arrival gets its own state at once when it connects.
   */
  private publishPresenceSoon(runtime: SessionRuntime): void {
    const { sessionId } = runtime;
    const sockets = this.io.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0;
    if (sockets < PRESENCE_COALESCE_FROM) {
      this.publish(runtime, 'all');
      return;
    }
    if (this.presenceDue.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.presenceDue.delete(sessionId);
      this.runtimes.get(sessionId)?.then(
        (current) => this.publish(current, 'all'),
        () => undefined,
      );
    }, Math.min(PRESENCE_PUBLISH_MAX_MS, sockets));
    timer.unref();
    this.presenceDue.set(sessionId, timer);
  }

  /**
   * The table directory when it differs from the one this node last sent for the session, else
   * null. With several nodes it is always sent: another node may have sent a different one since.
   */
  private directoryChange(runtime: SessionRuntime): TableEntry[] | null {
    const directory = runtime.tableDirectory();
    const key = JSON.stringify(directory);
    if (!this.leases.shared && this.directorySent.get(runtime.sessionId) === key) return null;
    this.directorySent.set(runtime.sessionId, key);
    return directory;
  }

  /** The table a socket follows: a host's visited table while it exists, else their seat (or none). */
  private visitedOr(data: ControlSocketData, tables: readonly { id: string }[], tableOf: ReadonlyMap<string, string>): string | null {
    if (data.visiting && tables.some((t) => t.id === data.visiting)) return data.visiting;
    return tableOf.get(data.participantId) ?? null;
  }

  private scheduleDashboard(runtime: SessionRuntime): void {
    const { sessionId } = runtime;
    if (this.dashboardDue.has(sessionId) || !this.io.sockets.adapter.rooms.get(hostsRoom(sessionId))?.size) return;
    const timer = setTimeout(() => {
      this.dashboardDue.delete(sessionId);
      this.sendDashboard(runtime);
    }, DASHBOARD_THROTTLE_MS);
    timer.unref();
    this.dashboardDue.set(sessionId, timer);
  }

  private sendDashboard(runtime: SessionRuntime): void {
    const room = hostsRoom(runtime.sessionId);
    if (!this.io.sockets.adapter.rooms.get(room)?.size) return;
    this.io.to(room).emit(ControlEvent.Dashboard, buildDashboard(runtime, this.options.activity, this.now()));
  }

  private refreshDashboards(): void {
    for (const [sessionId, runtime] of this.runtimes) {
      if (!this.io.sockets.adapter.rooms.get(hostsRoom(sessionId))?.size) continue;
      runtime.then(
        (r) => this.sendDashboard(r),
        () => undefined,
      );
    }
  }

  /**
   * A participant was removed by the host: their sockets close (on every node) and the session's
   * runtime forgets them. The caller removed them from storage first, so they cannot come back.
   */
  async participantRemoved(sessionId: string, participantId: string): Promise<void> {
    if (this.leases.shared) this.io.serverSideEmit('wt:participant-removed', sessionId, participantId);
    await this.forgetParticipant(sessionId, participantId);
  }

  /** A session was deleted: its sockets close (on every node) and its runtime is dropped. */
  async sessionDeleted(sessionId: string): Promise<void> {
    if (this.leases.shared) this.io.serverSideEmit('wt:session-deleted', sessionId);
    await this.forgetSession(sessionId);
  }

  /** The session's control state now (its runtime loaded if needed, caught up with other nodes). */
  async controlOf(sessionId: string): Promise<SessionControl> {
    const r = await this.runtime(sessionId);
    await this.catchUpAcrossNodes(sessionId, r);
    return r.control;
  }

  /**
   * A roster was imported (and stored): the session's runtime learns its people (on every node),
   * then the roster's pins and table hosts are applied as `hostId`, in one change.
   */
  async rosterImported(sessionId: string, hostId: string, people: readonly ParticipantRecord[], seats: readonly RosterSeat[], columns: RosterColumns): Promise<RuntimeResult> {
    if (this.leases.shared) this.io.serverSideEmit('wt:roster-imported', sessionId);
    const runtime = this.runtime(sessionId);
    const r = await runtime;
    await this.catchUpAcrossNodes(sessionId, r);
    for (const person of people) r.upsertParticipant(memberOf(person));
    const pins = rosterPinActions(seats, r.control, columns);
    const result = pins.length > 0 ? await r.applyAll(pins, hostId) : ({ ok: true } as const);
    // New people change the dashboard even when no pin did.
    this.scheduleDashboard(r);
    this.dropIfIdle(sessionId, runtime, r);
    return result;
  }

  /** Another node imported a roster: a runtime held here learns the session's people again. */
  private async reloadParticipants(sessionId: string): Promise<void> {
    const runtime = this.runtimes.get(sessionId);
    if (!runtime) return;
    const r = await runtime;
    for (const p of await this.storage.listParticipants(sessionId)) r.upsertParticipant(memberOf(p));
    this.scheduleDashboard(r);
  }

  private async forgetParticipant(sessionId: string, participantId: string): Promise<void> {
    this.options.onForgetParticipant?.(sessionId, participantId);
    for (const id of this.io.sockets.adapter.rooms.get(sessionRoom(sessionId)) ?? []) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket?.data.participantId === participantId) socket.disconnect(true);
    }
    const runtime = this.runtimes.get(sessionId);
    if (runtime) await (await runtime).removeParticipant(participantId);
  }

  private async forgetSession(sessionId: string): Promise<void> {
    this.options.onForgetSession?.(sessionId);
    const runtime = this.runtimes.get(sessionId);
    this.runtimes.delete(sessionId);
    this.directorySent.delete(sessionId);
    this.leases.release(sessionId);
    for (const id of [...(this.io.sockets.adapter.rooms.get(sessionRoom(sessionId)) ?? [])]) this.io.sockets.sockets.get(id)?.disconnect(true);
    if (runtime) (await runtime.catch(() => null))?.close();
  }

  /** Resumes every run that was going when the server last stopped (deadlines passed meanwhile are caught up). */
  async resumeAll(): Promise<number> {
    const active = await this.storage.listActiveControlStates();
    let resumed = 0;
    for (const { sessionId } of active) {
      if (this.leases.shared && this.leases.owns(sessionId)) continue; // already ours and running
      if (!(await this.leases.acquire(sessionId))) continue; // another node keeps it
      const r = await this.runtime(sessionId);
      await r.refresh();
      await r.resume();
      resumed++;
    }
    return resumed;
  }

  /** The runtime of a session, loading it (and its persisted state) once. */
  runtime(sessionId: string): Promise<SessionRuntime> {
    let runtime = this.runtimes.get(sessionId);
    if (!runtime) {
      runtime = this.load(sessionId);
      const loading = runtime;
      loading.then((r) => this.loaded.set(loading, r), () => this.runtimes.delete(sessionId));
      this.runtimes.set(sessionId, runtime);
    }
    return runtime;
  }

  /** The session's runtime when this node has it loaded; null otherwise (or while it loads). */
  loadedRuntime(sessionId: string): SessionRuntime | null {
    const runtime = this.runtimes.get(sessionId);
    return runtime ? (this.loaded.get(runtime) ?? null) : null;
  }

  private async load(sessionId: string): Promise<SessionRuntime> {
    const [session, participants, stored] = await Promise.all([
      this.storage.getSession(sessionId),
      this.storage.listParticipants(sessionId),
      this.storage.loadControlState(sessionId),
    ]);
    if (!session) throw new Error(`unknown session ${sessionId}`);
    const protocol = protocolOfSession(session, this.options.findProtocol);
    if (!protocol) throw new Error(`session ${sessionId} uses unknown protocol ${session.protocol ?? ''}`);
    const members = new Map<string, Member>(participants.map((p) => [p.participantId, memberOf(p)]));
    const host = participants.find((p) => p.role === 'host')?.participantId ?? '';
    const seed = crypto.randomInt(2 ** 31);
    const state = stored === null ? initialSessionControl(protocol, seed) : upgradeSessionControl(stored, protocol, seed);
    return new SessionRuntime(sessionId, protocol, host, members, state, {
      save: (id, status, next, expected) => this.storage.replaceControlState(id, status, next, next.version, expected),
      reload: async (id) => {
        const latest = await this.storage.loadControlState(id);
        return latest === null ? null : upgradeSessionControl(latest, protocol, seed);
      },
      ownsTimers: (id) => this.leases.owns(id),
      publish: (r, changed) => this.publish(r, changed),
      presenceSeated: (r) => this.publishPresenceSoon(r),
      phasesEnded: (id, labels) => void this.options.history?.phasesEnded(id, labels),
      privateEnded: (r, tables) => {
        const everyone = r.people().filter((p) => p.role !== 'observer').map((p) => p.participantId);
        for (const { tableId, anonymous } of tables) void this.options.privateReveal?.reveal(r.sessionId, tableId, anonymous, everyone).catch(() => undefined);
      },
      now: this.now,
      facilitatorGraceMs: this.options.facilitatorGraceMs,
      onError: (error, id) => this.failed(error, id),
    }, stored !== null);
  }

  private failed(error: unknown, sessionId: string): void {
    this.options.logger.error({ err: error, session: sessionId }, 'control plane error');
  }

  /** Stops every timer; persisted states let the next start resume exactly. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.refresh);
    this.calls.close();
    if (this.takeover) clearInterval(this.takeover);
    for (const timer of this.dashboardDue.values()) clearTimeout(timer);
    this.dashboardDue.clear();
    for (const timer of this.presenceDue.values()) clearTimeout(timer);
    this.presenceDue.clear();
    const runtimes = await Promise.allSettled(this.runtimes.values());
    for (const r of runtimes) if (r.status === 'fulfilled') r.value.close();
    this.leases.close();
  }
}

/** A host visiting a table acts on that table unless they name another. */
function atVisitedTable(action: SessionAction, visiting: string | null | undefined): SessionAction {
  if (!visiting || isConveningAction(action) || action.action === 'volunteerHost' || action.action === 'spoke' || action.tableId !== undefined) return action;
  return { ...action, tableId: visiting };
}

/** A stored participant as the control plane keeps them (rostered people are expected until they arrive). */
function memberOf(p: ParticipantRecord): Member {
  const role = p.role === 'host' || p.role === 'observer' ? p.role : 'participant';
  return { participantId: p.participantId, name: p.name, role, joinedAt: p.joinedAt, organization: p.organization ?? null, systemRole: p.systemRole ?? null, rostered: p.rostered === true };
}
