/**
 * Everything the event bench reads from the control plane, in one place: a participant's or the
 * host's socket.io connection and the few fields of the session's state the bench acts on. The
 * rest of the bench sees only `ControlView`, so when the wire changes (a full `session:state` on
 * connect, then smaller patches) only this module follows it.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { ControlEvent, controlAuth, type ControlAck, type DashboardPayload, type SessionState } from '@worktable/shared';

/** A table's id and who sits there (the table host first). */
export interface ViewTable {
  id: string;
  members: readonly string[];
}

/** What the bench reads of the session's state, as one receiver sees it. */
export interface ControlView {
  /** The convening round (0 before the first seating). */
  round: number;
  /** The receiver's table, or null when not seated. */
  tableId: string | null;
  /** The receiver's table and who sits there (the server tells each person their own table only). */
  table: ViewTable | null;
  /** How many people sit at tables. */
  seatedCount: number;
  /** The receiver's table run is running (not in the lobby, paused or done). */
  running: boolean;
  /** Which phase of the round runs (0-based), and how many the round has. */
  phaseIndex: number;
  phaseCount: number;
  /** Server epoch ms when the current phase ends; null unless it runs toward a deadline. */
  phaseEndsAt: number | null;
  /** When the current seating round started (server epoch ms), or null before the first. */
  roundStartedAt: number | null;
  /** The agenda ran through its last block. */
  agendaOver: boolean;
}

/**
 * Opens a control connection with a participant's (or the host's) token, over websocket. Like the
 * web client it tries again (socket.io's default backoff) when an attempt times out or fails.
 */
export function connectControl(url: string, token: string): Socket {
  return connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true });
}

/**
 * Calls `onView` with the receiver's view each time the server tells the socket of a change, the
 * first time right after connecting. A state older than one already seen is dropped, as the web
 * client drops it (`newerState`): with several nodes a socket may get an older state after a
 * newer one.
 */
export function followControl(socket: Socket, onView: (view: ControlView) => void): void {
  let version = Number.NEGATIVE_INFINITY;
  socket.on(ControlEvent.State, (state: SessionState) => {
    if (state.version < version) return;
    version = state.version;
    onView(viewOf(state));
  });
}

function viewOf(state: SessionState): ControlView {
  const agenda = state.agenda;
  return {
    round: state.round,
    tableId: state.tableId,
    table: state.table,
    seatedCount: state.seatedCount,
    running: state.status === 'running',
    phaseIndex: state.phaseIndex,
    phaseCount: state.phaseCount,
    phaseEndsAt: state.phase?.endsAt ?? null,
    roundStartedAt: agenda?.roundStartedAt ?? null,
    agendaOver: agenda !== null && agenda.index >= agenda.blocks.length,
  };
}

/** Sends a control action (the host's `seat`, `startRound`, …); rejects when the server refuses it. */
export async function sendControl(socket: Socket, action: Record<string, unknown>): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck(ControlEvent.Control, action)) as ControlAck;
  if (!ack.ok) throw new Error(`${JSON.stringify(action)} refused: ${ack.error.message}`);
}

/** How many host dashboards arrived and their JSON size. */
export interface DashboardTally {
  count: number;
  bytes: number;
}

/**
 * Counts the `convening:dashboard` payloads a host socket receives, and calls `onSeating` with each
 * one's round and tables (the host's dashboard is where every table's members are told).
 */
export function followDashboards(socket: Socket, onSeating: (round: number, tables: readonly ViewTable[]) => void): DashboardTally {
  const tally: DashboardTally = { count: 0, bytes: 0 };
  socket.on(ControlEvent.Dashboard, (payload: DashboardPayload) => {
    tally.count++;
    tally.bytes += JSON.stringify(payload).length;
    onSeating(payload.round, payload.tables);
  });
  return tally;
}
