/**
 * The control plane: one `SessionRuntime` per session with sockets or a running timer, the
 * socket.io events (`control`, `time:sync`, `session:state`, `convening:dashboard`), and the
 * catch-up at start, when every run that was going when the server stopped resumes from its
 * persisted deadlines.
 *
 * Each socket sits in its session's room and in the room of the table its participant sits at,
 * so one change is encoded once per table (`StatePublisher`); host sockets also sit in the hosts'
 * room and receive the dashboard (after changes, at most every `DASHBOARD_THROTTLE_MS`, and every
 * `DASHBOARD_REFRESH_MS` for activity). `SessionSockets` says where sockets sit and who is
 * present, on one node or across several; `ControlActions` answers `control` payloads.
 */
import {
  ControlEvent,
  SessionRole,
  ballotOf,
  initialSessionControl,
  rosterPinActions,
  upgradeSessionControl,
  type RosterColumns,
  type RosterSeat,
  type SessionControl,
} from '@worktable/shared';
import crypto from 'node:crypto';
import { LEASE_RENEW_MS, LocalLeases, type Leases } from '../scaleout/sessionLeases.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import type { ParticipantRecord, StoragePort } from '../storage/port.js';
import { sessionRoom, type ControlServer, type ControlSocket } from './controlServer.js';
import { CallSignaling } from './callSignaling.js';
import { CONTROL_ACTIONS_PER_SECOND, CONTROL_ACTION_BURST, RATE_LIMITED_ACK } from './controlRate.js';
import { SocketRateLimit } from '../security/socketRateLimit.js';
import { buildDashboard } from './dashboard.js';
import { LocalSockets, SharedSockets, type SessionSockets } from './sessionSockets.js';
import { StatePublisher } from './statePublisher.js';
import { ControlActions } from './controlActions.js';
import { hostsRoom, tableRoom } from './controlRooms.js';
import { SessionRuntime, type Member, type RuntimeResult } from './sessionRuntime.js';
import { NO_ICE, type ControlPlaneOptions } from './controlPlaneOptions.js';

export type { ControlPlaneOptions } from './controlPlaneOptions.js';
export { DASHBOARD_THROTTLE_MS, PRESENCE_COALESCE_FROM } from './statePublisher.js';
/** How often hosts get a fresh dashboard while nothing changes (activity moves on). */
export const DASHBOARD_REFRESH_MS = 5_000;

export { hostsRoom, tableRoom } from './controlRooms.js';

/** Runs every session's protocol on the server. */
export class ControlPlane {
  private readonly runtimes = new Map<string, Promise<SessionRuntime>>();
  /** Each loading runtime once it has loaded (so `loadedRuntime` can answer synchronously). */
  private readonly loaded = new WeakMap<Promise<SessionRuntime>, SessionRuntime>();
  /** Where sockets sit and who is present: on this node, or across nodes. */
  private readonly sockets: SessionSockets;
  private readonly publisher: StatePublisher;
  private readonly actions: ControlActions;
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
    this.calls = new CallSignaling(io, {
      ice: options.ice ?? NO_ICE,
      shared: this.leases.shared,
      counters: options.callCounters,
      now: this.now,
    });
    const failed = (error: unknown, sessionId: string) => this.failed(error, sessionId);
    this.sockets = this.leases.shared
      ? new SharedSockets(io, this.calls, this.leases, failed, (r, ids) => this.meet(r, ids))
      : new LocalSockets(io, this.calls);
    this.actionLimit = new SocketRateLimit(
      options.actionRate ?? { burst: CONTROL_ACTION_BURST, perSecond: CONTROL_ACTIONS_PER_SECOND },
      this.now,
    );
    io.on('connection', (socket) => this.connected(socket));
    this.actions = new ControlActions(this.sockets, options.anonymousReactions, failed);
    this.publisher = new StatePublisher(io, this.sockets, options.activity, this.now, (sessionId) => this.runtimes.get(sessionId));
    this.refresh = setInterval(() => this.publisher.refreshDashboards(this.runtimes), DASHBOARD_REFRESH_MS);
    this.refresh.unref();
    // Several nodes: take over the timers of running sessions whose node is gone.
    this.takeover = this.leases.shared
      ? setInterval(() => void this.resumeAll().catch((error: unknown) => this.failed(error, '*')), LEASE_RENEW_MS)
      : null;
    this.takeover?.unref();
    io.on('wt:participant-removed', (sessionId, participantId) => void this.forgetParticipant(sessionId, participantId));
    io.on('wt:session-deleted', (sessionId) => void this.forgetSession(sessionId));
    io.on(
      'wt:roster-imported',
      (sessionId) => void this.reloadParticipants(sessionId).catch((error: unknown) => this.failed(error, sessionId)),
    );
    this.leases.onLost((sessionId) => {
      void this.runtimes.get(sessionId)?.then(
        (r) => r.stopTimer(),
        () => undefined,
      );
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
        await this.sockets.arrived(socket, r);
        if (socket.disconnected) return;
        const tableId = r.tableOf(participantId);
        this.sockets.place(socket, tableRoom(sessionId, tableId));
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
      void this.actions.answer(socket, runtime, payload).then((answer) => {
        counters?.action(answer.ok ? 'accepted' : 'refused');
        reply(answer);
      });
    });
    socket.on(ControlEvent.TimeSync, (ack) => {
      if (typeof ack === 'function') ack({ serverNow: this.now() });
    });
    socket.on('disconnect', () => {
      if (!counted || this.closing) return;
      runtime
        .then(async (r) => {
          await this.sockets.left(socket, r);
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
      this.publisher.forget(sessionId);
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
    await this.sockets.catchUp(r);
    return r.control;
  }

  /**
   * A roster was imported (and stored): the session's runtime learns its people (on every node),
   * then the roster's pins and table hosts are applied as `hostId`, in one change.
   */
  async rosterImported(
    sessionId: string,
    hostId: string,
    people: readonly ParticipantRecord[],
    seats: readonly RosterSeat[],
    columns: RosterColumns,
  ): Promise<RuntimeResult> {
    if (this.leases.shared) this.io.serverSideEmit('wt:roster-imported', sessionId);
    const runtime = this.runtime(sessionId);
    const r = await runtime;
    await this.sockets.catchUp(r);
    for (const person of people) r.upsertParticipant(memberOf(person));
    const pins = rosterPinActions(seats, r.control, columns);
    const result = pins.length > 0 ? await r.applyAll(pins, hostId) : ({ ok: true } as const);
    // New people change the dashboard even when no pin did.
    this.publisher.scheduleDashboard(r);
    this.dropIfIdle(sessionId, runtime, r);
    return result;
  }

  /** Teaches `r` participants it does not know yet, from storage (removed ones are not found). */
  private async meet(r: SessionRuntime, participantIds: readonly string[]): Promise<void> {
    for (const id of participantIds) {
      const stored = await this.storage.getParticipant(r.sessionId, id);
      if (stored) r.upsertParticipant(memberOf(stored));
    }
  }

  /** Another node imported a roster: a runtime held here learns the session's people again. */
  private async reloadParticipants(sessionId: string): Promise<void> {
    const runtime = this.runtimes.get(sessionId);
    if (!runtime) return;
    const r = await runtime;
    for (const p of await this.storage.listParticipants(sessionId)) r.upsertParticipant(memberOf(p));
    this.publisher.scheduleDashboard(r);
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
    this.publisher.forget(sessionId);
    this.leases.release(sessionId);
    for (const id of [...(this.io.sockets.adapter.rooms.get(sessionRoom(sessionId)) ?? [])])
      this.io.sockets.sockets.get(id)?.disconnect(true);
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
      loading.then(
        (r) => this.loaded.set(loading, r),
        () => this.runtimes.delete(sessionId),
      );
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
    return new SessionRuntime(
      sessionId,
      protocol,
      host,
      members,
      state,
      {
        save: (id, status, next, expected) => this.storage.replaceControlState(id, status, next, next.version, expected),
        reload: async (id) => {
          const latest = await this.storage.loadControlState(id);
          return latest === null ? null : upgradeSessionControl(latest, protocol, seed);
        },
        ownsTimers: (id) => this.leases.owns(id),
        publish: (r, changed) => this.publisher.publish(r, changed),
        presenceSeated: (r) => this.publisher.publishPresenceSoon(r),
        phasesEnded: (id, labels) => void this.options.history?.phasesEnded(id, labels),
        privateEnded: (r, tables) => {
          const everyone = r
            .people()
            .filter((p) => p.role !== 'observer')
            .map((p) => p.participantId);
          for (const { tableId, anonymous } of tables)
            void this.options.privateReveal?.reveal(r.sessionId, tableId, anonymous, everyone).catch(() => undefined);
        },
        now: this.now,
        facilitatorGraceMs: this.options.facilitatorGraceMs,
        onError: (error, id) => this.failed(error, id),
      },
      stored !== null,
    );
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
    this.publisher.close();
    const runtimes = await Promise.allSettled(this.runtimes.values());
    for (const r of runtimes) if (r.status === 'fulfilled') r.value.close();
    this.leases.close();
  }
}

/** A stored participant as the control plane keeps them (rostered people are expected until they arrive). */
function memberOf(p: ParticipantRecord): Member {
  const role = p.role === 'host' || p.role === 'observer' ? p.role : 'participant';
  return {
    participantId: p.participantId,
    name: p.name,
    role,
    joinedAt: p.joinedAt,
    organization: p.organization ?? null,
    systemRole: p.systemRole ?? null,
    rostered: p.rostered === true,
  };
}
