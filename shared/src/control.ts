/**
 * The socket.io control channel: event names and payloads. socket.io carries the session's
 * control state, which the server owns (phase, timer, roles, tables, rounds);
 * shared content travels over Yjs instead.
 */
import type { ControlAck, OwnBallot, SessionState, TableEntry, TimeSyncAck } from './protocols/wire.js';
import type { DashboardPayload } from './convening/dashboard.js';
import type { CallClientEvents, CallServerEvents } from './talk/call.js';

/** Path of the socket.io endpoint. */
export const CONTROL_PATH = '/socket.io';

/** Event names, declared once. */
export const ControlEvent = {
  /** Server → client, right after connecting: who the server thinks you are, and its clock. */
  Welcome: 'session:welcome',
  /** Server → client, on connect and after every change it sees: its table's run and seating (`SessionState`). */
  State: 'session:state',
  /** Server → client, on connect and when tables are set or renamed: every table's id and name (`TableEntry[]`). */
  Tables: 'session:tables',
  /** Client → server with ack: a control action (`ControlAction`) → `ControlAck`. */
  Control: 'control',
  /** Client → server with ack: → `{ serverNow }`, for clock-offset estimation. */
  TimeSync: 'time:sync',
  /** Server → host sockets: every table's seating, run and activity (`DashboardPayload`). */
  Dashboard: 'convening:dashboard',
  /** Server → one socket, on connect: your own dots in the vote open at your table (`OwnBallot | null`). */
  Ballot: 'vote:ballot',
} as const;

/** Payload of `session:welcome`. */
export interface WelcomePayload {
  sessionId: string;
  participantId: string;
  role: string;
  /** Server epoch milliseconds when sent, for clock-offset estimation. */
  serverNow: number;
  /** Your opaque stand-in for anonymous reactions (see `reactions.ts`). */
  pseudonym: string;
}

/**
 * The version of the control channel's contract (events and payloads). Every client says which it
 * speaks when it connects (`controlAuth`); the server refuses another (`ControlAuthError.Outdated`),
 * so a page left open across an upgrade is told to reload instead of failing in odd ways.
 * 2: `session:state` names the receiver's own table (`table`), the others come in `session:tables`.
 */
export const CONTROL_CONTRACT = 2;

/** The `auth` a control client connects with: its bearer token and the contract it speaks. */
export interface ControlAuth {
  token: string;
  contract: number;
}

/** The `auth` for connecting with `token`, speaking this build's contract. */
export function controlAuth(token: string): ControlAuth {
  return { token, contract: CONTROL_CONTRACT };
}

/** Error messages of a refused socket.io connection (`connect_error`'s `message`). */
export const ControlAuthError = {
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  /** Too many connections open with this token or from this address (`data`: `{ limit, message }`). */
  TooManyConnections: 'too_many_connections',
  /** The client speaks another contract than the server (`CONTROL_CONTRACT`): reload the page. */
  Outdated: 'outdated',
} as const;

/** Events the server emits, with their payloads (socket.io typing); the call's too. */
export interface ServerToClientEvents extends CallServerEvents {
  [ControlEvent.Welcome]: (payload: WelcomePayload) => void;
  [ControlEvent.State]: (payload: SessionState) => void;
  [ControlEvent.Tables]: (payload: TableEntry[]) => void;
  [ControlEvent.Dashboard]: (payload: DashboardPayload) => void;
  [ControlEvent.Ballot]: (payload: OwnBallot | null) => void;
}

/** Events the client emits. Payloads are `unknown` on purpose: the server validates them. */
export interface ClientToServerEvents extends CallClientEvents {
  [ControlEvent.Control]: (payload: unknown, ack: (result: ControlAck) => void) => void;
  [ControlEvent.TimeSync]: (ack: (result: TimeSyncAck) => void) => void;
}
