/**
 * The socket.io control channel: event names and payloads. socket.io carries the session's
 * control state, which the server owns (phase, timer, roles, tables arrive with later issues);
 * shared content travels over Yjs instead.
 */

/** Path of the socket.io endpoint. */
export const CONTROL_PATH = '/socket.io';

/** Event names, declared once. */
export const ControlEvent = {
  /** Server → client, right after connecting: who the server thinks you are, and its clock. */
  Welcome: 'session:welcome',
} as const;

/** Payload of `session:welcome`. */
export interface WelcomePayload {
  sessionId: string;
  participantId: string;
  role: string;
  /** Server epoch milliseconds when sent, for clock-offset estimation. */
  serverNow: number;
}

/** Error messages of a refused socket.io connection (`connect_error`'s `message`). */
export const ControlAuthError = {
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
} as const;

/** Events the server emits, with their payloads (socket.io typing). */
export interface ServerToClientEvents {
  [ControlEvent.Welcome]: (payload: WelcomePayload) => void;
}

/** Events the client emits (the control actions arrive with the protocols issue). */
export type ClientToServerEvents = Record<never, never>;
