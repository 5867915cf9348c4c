/** A real socket.io control client for tests: records every `session:state`, table directory and dashboard it receives. */
import { io as connectSocket, type Socket } from 'socket.io-client';
import {
  controlAuth,
  ControlEvent,
  type ControlAck,
  type DashboardPayload,
  type SessionState,
  type TableEntry,
  type WireTable,
} from '@worktable/shared';

/** A connected control client and what it received. */
export interface ControlClient {
  socket: Socket;
  states: SessionState[];
  dashboards: DashboardPayload[];
  /** Every `session:tables` directory received. */
  directories: TableEntry[][];
  /** The newest state received (by arrival). */
  latest(): SessionState | undefined;
  /** Sends a `control` action and resolves with its ack. */
  send(payload: unknown): Promise<ControlAck>;
  close(): void;
}

/** Connects to the control plane at `url` with a participant's token (websocket only, no retries), sending `headers` with the upgrade. */
export function openControlClient(url: string, token: string, headers: Record<string, string> = {}): ControlClient {
  const socket = connectSocket(url, {
    auth: controlAuth(token),
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
  });
  const states: SessionState[] = [];
  const dashboards: DashboardPayload[] = [];
  const directories: TableEntry[][] = [];
  socket.on(ControlEvent.Tables, (directory: TableEntry[]) => directories.push(directory));
  socket.on(ControlEvent.State, (state: SessionState) => states.push(state));
  socket.on(ControlEvent.Dashboard, (payload: DashboardPayload) => dashboards.push(payload));
  return {
    socket,
    states,
    dashboards,
    directories,
    latest: () => states.at(-1),
    send: (payload) => new Promise((resolve) => socket.emit(ControlEvent.Control, payload, resolve)),
    close: () => socket.disconnect(),
  };
}

/**
 * The seating as the clients were told it (each is told only its own table), in table order.
 * Throws when two clients at one table were told different things, or someone sits twice.
 */
export function seatingSeenBy(clients: readonly (ControlClient | null | undefined)[]): WireTable[] {
  return seatingOf(clients.map((client) => client?.latest()));
}

/** The seating that these states (one per person) tell, in table order; throws when they disagree. */
export function seatingOf(states: readonly (SessionState | null | undefined)[]): WireTable[] {
  const tables = new Map<string, WireTable>();
  for (const state of states) {
    const table = state?.table;
    if (!table) continue;
    const known = tables.get(table.id);
    if (known && JSON.stringify(known) !== JSON.stringify(table)) throw new Error(`clients at ${table.id} were told different seatings`);
    tables.set(table.id, table);
  }
  const seated = [...tables.values()].flatMap((t) => t.members);
  if (new Set(seated).size !== seated.length) throw new Error('someone was told two tables');
  return [...tables.values()].sort((a, b) => Number(a.id.replace('table-', '')) - Number(b.id.replace('table-', '')));
}

/** Whether the clients agree on a seating where `count` people sit (waiting for a change to reach everyone). */
export function seatingSettled(clients: readonly (ControlClient | null | undefined)[], count: number): boolean {
  try {
    return seatingSeenBy(clients).flatMap((t) => t.members).length === count;
  } catch {
    return false; // some were told the change, others not yet
  }
}
