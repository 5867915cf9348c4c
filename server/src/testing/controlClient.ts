/** A real socket.io control client for tests: records every `session:state` and dashboard it receives. */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { ControlEvent, type ControlAck, type DashboardPayload, type SessionState } from '@worktable/shared';

/** A connected control client and what it received. */
export interface ControlClient {
  socket: Socket;
  states: SessionState[];
  dashboards: DashboardPayload[];
  /** The newest state received (by arrival). */
  latest(): SessionState | undefined;
  /** Sends a `control` action and resolves with its ack. */
  send(payload: unknown): Promise<ControlAck>;
  close(): void;
}

/** Connects to the control plane at `url` with a participant's token (websocket only, no retries), sending `headers` with the upgrade. */
export function openControlClient(url: string, token: string, headers: Record<string, string> = {}): ControlClient {
  const socket = connectSocket(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  const states: SessionState[] = [];
  const dashboards: DashboardPayload[] = [];
  socket.on(ControlEvent.State, (state: SessionState) => states.push(state));
  socket.on(ControlEvent.Dashboard, (payload: DashboardPayload) => dashboards.push(payload));
  return {
    socket,
    states,
    dashboards,
    latest: () => states.at(-1),
    send: (payload) => new Promise((resolve) => socket.emit(ControlEvent.Control, payload, resolve)),
    close: () => socket.disconnect(),
  };
}
