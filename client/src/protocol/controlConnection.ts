/**
 * The socket.io control channel of a session: the server-owned run state (`session:state`) with
 * the table directory (`session:tables`), the host dashboard (`convening:dashboard`, hosts only), your own dot-vote ballot (`vote:ballot` and
 * control acks), your reaction pseudonym (`session:welcome`), the clock offset to the server
 * (`time:sync`), and control actions with acks.
 * State is mirrored into the zustand store `useControlStore` for the UI. One control connection
 * is open at a time; `sendControl` sends on it from anywhere on the page. A roaming host's `visit`
 * (`visitTable`) is kept here and sent again whenever the connection comes back; when the server
 * hangs up, the session API says whether the host removed you or deleted the session.
 */
import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import {
  CONTROL_PATH,
  ControlAuthError,
  ControlEvent,
  controlAuth,
  estimateClockOffset,
  type ClientToServerEvents,
  type ControlAck,
  type DashboardPayload,
  type VisitAction,
  type OwnBallot,
  type ReactAction,
  type ServerToClientEvents,
  type SessionAction,
  type SessionState,
  type TableEntry,
} from '@worktable/shared';
import { withDirectory, type SessionView } from './sessionView.js';
import { SERVER_CLOSED, whyServerClosed } from './serverClosed.js';

/** What the protocol UI reads from the control connection. */
export interface ControlStoreState {
  /** The newest run state from the server with the table directory, or null before the first one. */
  state: SessionView | null;
  /** The table directory, as last received (kept apart so it can arrive before the first state). */
  tables: readonly TableEntry[];
  /** The newest host dashboard (hosts only), or null before the first one. */
  dashboard: DashboardPayload | null;
  /** Your own dots in the vote open at your table (only you receive them), or null. */
  ownBallot: OwnBallot | null;
  /** Your opaque pseudonym for anonymous reactions (from `session:welcome`), or null before it. */
  pseudonym: string | null;
  /** Server clock minus our clock, in ms (server now ≈ Date.now() + offsetMs). */
  offsetMs: number;
  connected: boolean;
  /** Why the connection is refused or lost, for people; null when fine. */
  lastError: string | null;
}

const initialState: ControlStoreState = {
  state: null,
  tables: [],
  dashboard: null,
  ownBallot: null,
  pseudonym: null,
  offsetMs: 0,
  connected: false,
  lastError: null,
};

/** The open control connection's state. */
export const useControlStore = create<ControlStoreState>(() => initialState);

/** What the page sends with `sendControl`: a session action, or an anonymous reaction. */
export type SentAction = SessionAction | ReactAction;

/** An open control connection. */
export interface ControlConnection {
  /** Sends a control action; resolves with the server's ack, a timeout, or an offline refusal. */
  send(action: SentAction): Promise<ControlAck>;
  /** Sends the host's `visit` now (when connected); it is sent again after every reconnect. */
  visit(tableId: string | null): void;
  /** Disconnects and resets the store. */
  close(): void;
}

/** How long to wait for an ack. */
export const ACK_TIMEOUT_MS = 5_000;
/** Clock samples per estimate, and how often to estimate again. */
export const SYNC_SAMPLES = 5;
/** How often the clock offset is estimated again. */
export const SYNC_INTERVAL_MS = 60_000;

/** The ack used when the server does not answer in time. */
export const TIMEOUT_ACK: ControlAck = {
  ok: false,
  error: { code: 'timeout', message: 'The server did not answer; check your connection and try again.' },
};

/** The ack used when an action is asked for while disconnected (it would otherwise be replayed later). */
export const OFFLINE_ACK: ControlAck = {
  ok: false,
  error: { code: 'offline', message: 'You are offline. Wait for the connection to come back, then try again.' },
};

/** Keeps `next` unless it is older than `current` (versions only grow): run states and dashboards. */
export function newerState<T extends { version: number }>(current: T | null, next: T): T | null {
  return current && next.version < current.version ? current : next;
}

/** A connect error as people should read it. */
export function explainConnectError(message: string): string {
  if (message === ControlAuthError.Unauthorized)
    return 'The server did not accept this session link. Open the invite link again to rejoin.';
  if (message === ControlAuthError.Forbidden) return 'You are no longer part of this session.';
  if (message === ControlAuthError.Outdated)
    return 'Worktable has been updated since this page opened. Reload the page to carry on (nothing you wrote is lost).';
  if (message === ControlAuthError.TooManyConnections) {
    return 'Too many connections to this session are open from here (this link in many tabs, or very many people on your network). Close the tabs you do not need, then reload this page.';
  }
  return 'Cannot reach the session’s timer and roles; retrying…';
}

/** The typed socket.io socket of the control channel. */
export type ControlSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function applyState(next: SessionState): void {
  useControlStore.setState((s) => {
    const kept = newerState(s.state, withDirectory(next, s.tables));
    if (kept === s.state) return s;
    // A ballot belongs to one table's vote: moving to another table leaves it behind.
    const moved = s.state !== null && kept !== null && kept.tableId !== s.state.tableId;
    return moved ? { state: kept, ownBallot: null } : { state: kept };
  });
}

function applyDirectory(tables: TableEntry[]): void {
  useControlStore.setState((s) => ({ tables, state: s.state && withDirectory(s.state, tables) }));
}

function applyDashboard(next: DashboardPayload): void {
  useControlStore.setState((s) => {
    const kept = newerState(s.dashboard, next);
    return kept === s.dashboard ? s : { dashboard: kept };
  });
}

async function sampleClock(socket: ControlSocket): Promise<void> {
  const samples: { sentAt: number; receivedAt: number; serverNow: number }[] = [];
  for (let i = 0; i < SYNC_SAMPLES && socket.connected; i++) {
    const sentAt = Date.now();
    try {
      const { serverNow } = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ControlEvent.TimeSync);
      if (typeof serverNow === 'number' && Number.isFinite(serverNow)) samples.push({ sentAt, receivedAt: Date.now(), serverNow });
    } catch {
      // A lost sample: keep the others.
    }
  }
  if (samples.length > 0 && socket.connected) useControlStore.setState({ offsetMs: estimateClockOffset(samples) });
}

let current: ControlConnection | null = null;
/** The open connection's socket, for the call (call/callChannel.ts), or null. */
let currentSocket: ControlSocket | null = null;

/** The socket of the open control connection (connected or not), or null when none is open. */
export function controlSocket(): ControlSocket | null {
  return currentSocket;
}
/** The table the host looks at from the inside (see `visitTable`), or null. */
let visiting: string | null = null;

/** Sends `action` on the open control connection (resolves with `OFFLINE_ACK` when none is open). */
export function sendControl(action: SentAction): Promise<ControlAck> {
  return current?.send(action) ?? Promise.resolve(OFFLINE_ACK);
}

/**
 * The host looks at `tableId` from the inside (null: back to no table). The server then sends
 * that table's `session:state` and applies run, vote and private-writing actions without a
 * `tableId` to it. Kept across reconnects and across control connections of the page.
 */
export function visitTable(tableId: string | null): void {
  if (visiting === tableId) return;
  visiting = tableId;
  current?.visit(tableId);
}

/** Opens the control channel of `sessionId` with the participant's bearer `token`. */
export function openControl(sessionId: string, token: string): ControlConnection {
  useControlStore.setState(initialState, true);
  const socket: ControlSocket = io(window.location.origin, {
    path: CONTROL_PATH,
    auth: controlAuth(token),
    transports: ['websocket', 'polling'],
  });
  let syncTimer: number | undefined;
  const sync = () => void sampleClock(socket);
  // Whether this socket follows `visiting` yet: the server places a new socket at its own seat
  // once it has counted it (and then sends the first state), so the visit goes after that state.
  let placed = false;
  const emitVisit = (tableId: string | null) => {
    const payload: VisitAction = { action: 'visit', tableId };
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(ControlEvent.Control, payload)
      .then(
        (ack) => {
          if (ack.ok && visiting === tableId) applyState(ack.state);
        },
        () => undefined, // Lost: the next reconnect sends it again.
      );
  };

  socket.on('connect', () => {
    placed = false;
    useControlStore.setState({ connected: true, lastError: null });
    sync();
    window.clearInterval(syncTimer);
    syncTimer = window.setInterval(sync, SYNC_INTERVAL_MS);
  });
  socket.on('disconnect', (reason) => {
    window.clearInterval(syncTimer);
    if (reason !== 'io server disconnect') {
      useControlStore.setState({ connected: false });
      return;
    }
    // The server hung up on purpose: socket.io will not retry by itself, so say so, and say why
    // when the session API tells (removed by the host, session deleted).
    useControlStore.setState({ connected: false, lastError: SERVER_CLOSED });
    void whyServerClosed(sessionId, token).then((message) => {
      if (current === connection && !socket.connected) useControlStore.setState({ lastError: message });
    });
  });
  socket.on('connect_error', (error) => {
    useControlStore.setState({ connected: false, lastError: explainConnectError(error.message) });
  });
  socket.on(ControlEvent.Welcome, (welcome) => {
    if (welcome.sessionId !== sessionId) useControlStore.setState({ lastError: 'This link belongs to another session.' });
    else
      useControlStore.setState({ pseudonym: typeof welcome.pseudonym === 'string' && welcome.pseudonym !== '' ? welcome.pseudonym : null });
  });
  socket.on(ControlEvent.State, (state) => {
    applyState(state);
    if (placed) return;
    placed = true;
    if (visiting !== null) emitVisit(visiting);
  });
  socket.on(ControlEvent.Tables, applyDirectory);
  socket.on(ControlEvent.Dashboard, applyDashboard);
  socket.on(ControlEvent.Ballot, (ownBallot) => useControlStore.setState({ ownBallot }));

  const connection: ControlConnection = {
    async send(action) {
      if (!socket.connected) return OFFLINE_ACK;
      try {
        const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ControlEvent.Control, action);
        if (ack.ok) {
          applyState(ack.state);
          if (ack.ballot !== undefined) useControlStore.setState({ ownBallot: ack.ballot });
        }
        return ack;
      } catch {
        return TIMEOUT_ACK;
      }
    },
    visit(tableId) {
      if (socket.connected && placed) emitVisit(tableId);
    },
    close() {
      window.clearInterval(syncTimer);
      socket.removeAllListeners();
      socket.disconnect();
      if (current === connection) current = null;
      if (currentSocket === socket) currentSocket = null;
      notifySocketChanged();
      useControlStore.setState(initialState, true);
    },
  };
  current = connection;
  currentSocket = socket;
  notifySocketChanged();
  return connection;
}

const socketListeners = new Set<() => void>();

/** Calls `listener` whenever a control connection opens or closes; returns the unsubscribe. */
export function onControlSocketChanged(listener: () => void): () => void {
  socketListeners.add(listener);
  return () => socketListeners.delete(listener);
}

function notifySocketChanged(): void {
  for (const listener of [...socketListeners]) listener();
}
