/**
 * What the control plane sends after a change: each changed table's `session:state` to the
 * sockets at that table (moving the sockets whose seat changed first), the table directory when
 * tables were set or renamed, a single table's new members after a burst of arrivals, and the
 * hosts' dashboard (after changes, at most every `DASHBOARD_THROTTLE_MS`).
 */
import { ControlEvent, type TableEntry } from '@worktable/shared';
import { hostsRoom, tableRoom } from './controlRooms.js';
import { sessionRoom, type ControlServer, type ControlSocketData } from './controlServer.js';
import { buildDashboard, type DocumentActivity } from './dashboard.js';
import type { SessionRuntime, Changed } from './sessionRuntime.js';
import type { SessionSockets } from './sessionSockets.js';

/** Longest wait between a change and the dashboard that shows it. */
export const DASHBOARD_THROTTLE_MS = 250;
/** A single table's new members are published at once below this many sockets, else gathered (see `publishPresenceSoon`). */
export const PRESENCE_COALESCE_FROM = 50;
/** The longest a single table's new members wait to be published. */
const PRESENCE_PUBLISH_MAX_MS = 1000;

/** Sends what changed to whoever it concerns. */
export class StatePublisher {
  private readonly dashboardDue = new Map<string, NodeJS.Timeout>();
  /** Sessions whose single table's new members are about to be published. */
  private readonly presenceDue = new Map<string, NodeJS.Timeout>();
  /** The table directory last sent per session (JSON), so it is sent again only when it changes. */
  private readonly directorySent = new Map<string, string>();

  constructor(
    private readonly io: ControlServer,
    private readonly sockets: SessionSockets,
    private readonly activity: DocumentActivity,
    private readonly now: () => number,
    /** The session's runtime now, if it has one. */
    private readonly runtimeOf: (sessionId: string) => Promise<SessionRuntime> | undefined,
  ) {}

  /** The session is gone from this node: whatever was kept for it goes. */
  forget(sessionId: string): void {
    this.directorySent.delete(sessionId);
  }

  /** Stops every pending publication. */
  close(): void {
    for (const timer of [...this.dashboardDue.values(), ...this.presenceDue.values()]) clearTimeout(timer);
    this.dashboardDue.clear();
    this.presenceDue.clear();
  }

  /**
   * Sends a committed change: moves the sockets whose seat changed into their table's room, then
   * one state per changed table (encoded once for its room) and, when tables were set or renamed,
   * the directory. A change at one table touches only that table's sockets and the unseated ones,
   * so the cost of a change grows with what it changed, not with the event.
   */
  publish(runtime: SessionRuntime, changed: Changed): void {
    const { sessionId } = runtime;
    const seating = runtime.seating();
    // Who sits where, made only when a socket is looked at (most changes look at a few or none).
    let seats: ReadonlyMap<string, string> | null = null;
    const seatOf = (participantId: string) => {
      seats ??= new Map(seating.flatMap((t) => t.members.map((m) => [m, t.id] as const)));
      return seats.get(participantId);
    };
    const first = seating[0]?.id;
    // People at no table see the first table's run (the round clock).
    const targets: (string | null)[] = changed === 'all' ? [...seating.map((t) => t.id), null] : [...changed];
    if (changed !== 'all' && first !== undefined && changed.includes(first)) targets.push(null);
    // A change that leaves the seating as it was (a phase, a vote) moves nobody, except someone just
    // seated on arrival, who was at no table: only the unseated need looking at (across nodes,
    // asking every node for all its sockets at every phase change cost 170 ms at 1,000 people).
    const watched = changed === 'all' ? [sessionRoom(sessionId)] : [tableRoom(sessionId, null)];
    const directory = changed === 'all' ? this.directoryChange(runtime) : null;
    const emit = (unsettled: ReadonlyMap<string, string>) => {
      if (directory) this.io.to(sessionRoom(sessionId)).emit(ControlEvent.Tables, directory);
      const agenda = runtime.agenda();
      const states = new Map(targets.map((tableId) => [tableRoom(sessionId, tableId), runtime.stateFor(tableId, agenda)] as const));
      for (const [room, state] of states) this.io.to(room).emit(ControlEvent.State, state);
      for (const [socketId, room] of unsettled) {
        const state = states.get(room);
        if (state) this.io.to(socketId).emit(ControlEvent.State, state);
      }
      this.scheduleDashboard(runtime);
    };
    this.sockets.reseat(sessionId, watched, (data) => tableRoom(sessionId, this.visitedOr(data, seating, seatOf)), emit);
  }

  /**
   * Publishes a single table's new members: at once in a small session, and in a large one
   * (`PRESENCE_COALESCE_FROM` sockets or more) after a wait of a millisecond per socket, up to 1 s,
   * so that 1,000 people arriving within seconds cost a few publications of the table rather than
   * one per arrival, each to everyone. Each arrival gets its own state at once when it connects.
   */
  publishPresenceSoon(runtime: SessionRuntime): void {
    const { sessionId } = runtime;
    const sockets = this.io.sockets.adapter.rooms.get(sessionRoom(sessionId))?.size ?? 0;
    if (sockets < PRESENCE_COALESCE_FROM) {
      this.publish(runtime, 'all');
      return;
    }
    if (this.presenceDue.has(sessionId)) return;
    const timer = setTimeout(
      () => {
        this.presenceDue.delete(sessionId);
        this.runtimeOf(sessionId)?.then(
          (current) => this.publish(current, 'all'),
          () => undefined,
        );
      },
      Math.min(PRESENCE_PUBLISH_MAX_MS, sockets),
    );
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
    if (!this.sockets.shared && this.directorySent.get(runtime.sessionId) === key) return null;
    this.directorySent.set(runtime.sessionId, key);
    return directory;
  }

  /** The table a socket follows: a host's visited table while it exists, else their seat (or none). */
  private visitedOr(
    data: ControlSocketData,
    tables: readonly { id: string }[],
    seatOf: (participantId: string) => string | undefined,
  ): string | null {
    if (data.visiting && tables.some((t) => t.id === data.visiting)) return data.visiting;
    return seatOf(data.participantId) ?? null;
  }

  /** Sends the hosts of `runtime`'s session their dashboard soon (at most every `DASHBOARD_THROTTLE_MS`). */
  scheduleDashboard(runtime: SessionRuntime): void {
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
    this.io.to(room).emit(ControlEvent.Dashboard, buildDashboard(runtime, this.activity, this.now()));
  }

  /** Sends every session's hosts a fresh dashboard (activity moves on while nothing changes). */
  refreshDashboards(runtimes: Iterable<[string, Promise<SessionRuntime>]>): void {
    for (const [sessionId, runtime] of runtimes) {
      if (!this.io.sockets.adapter.rooms.get(hostsRoom(sessionId))?.size) continue;
      runtime.then(
        (r) => this.sendDashboard(r),
        () => undefined,
      );
    }
  }
}
