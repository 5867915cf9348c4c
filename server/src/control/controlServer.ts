/**
 * The socket.io control plane, on the same HTTP server as the API (its upgrades are left to it by
 * the y-websocket transport). Every socket authenticates with `auth: { token }` and joins its
 * session's room; the control plane (controlPlane.ts) adds table and host rooms.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import {
  CONTROL_PATH,
  CONTROL_CONTRACT,
  ControlAuthError,
  ControlEvent,
  type ClientToServerEvents,
  type SessionRole,
  type ServerToClientEvents,
  type SignalIn,
} from '@worktable/shared';
import type { CallPresence } from './callSignaling.js';
import { checkAccess } from '../auth/access.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { StoragePort } from '../storage/port.js';
import type { OpenConnections } from '../security/openConnections.js';

/** What an authenticated socket carries. */
export interface ControlSocketData {
  sessionId: string;
  participantId: string;
  role: SessionRole;
  /** The table a host is visiting (their state is that table's), if any. */
  visiting?: string | null;
  /** In the call of the table this socket sits at: its microphone and camera (see callSignaling.ts). */
  call?: CallPresence;
}

/** The socket.io room of a session. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** Events between server nodes (socket.io `serverSideEmit`): what every node must forget or learn. */
export interface InterServerEvents {
  'wt:participant-removed': (sessionId: string, participantId: string) => void;
  'wt:session-deleted': (sessionId: string) => void;
  /** A roster was imported: runtimes of the session learn its people again. */
  'wt:roster-imported': (sessionId: string) => void;
  /** A call signal for socket `to`, if it sits in table room `room` on the receiving node. */
  'wt:call-signal': (to: string, room: string, signal: SignalIn) => void;
}

/** A typed, authenticated socket of the control plane. */
export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ControlSocketData>;

/** The typed socket.io server. */
export type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ControlSocketData>;

/** Attaches socket.io to `server` with token authentication. */
export function attachControlServer(
  server: HttpServer,
  deps: {
    signer: TokenSigner;
    storage: StoragePort;
    redisUrl?: string | undefined;
    originAllowed?: (origin: string | undefined, host: string | undefined) => boolean;
    /** Caps on open control connections per token and per address (absent: none). */
    connections?: OpenConnections;
  },
): ControlServer {
  const io: ControlServer = new Server(server, {
    path: CONTROL_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Browser pages of other origins may not drive a session (ALLOWED_ORIGINS; same origin by default).
    allowRequest: (request, callback) =>
      callback(null, deps.originAllowed ? deps.originAllowed(request.headers.origin, request.headers.host) : true),
  });
  // With Redis, rooms span nodes: a state sent to a table reaches its people wherever they are connected.
  if (deps.redisUrl) {
    const pub = new Redis(deps.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 200, 2_000) });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', () => undefined);
    io.adapter(createAdapter(pub, sub));
    // QUIT (not a hard disconnect) lets commands in flight finish instead of rejecting unheard.
    server.on('close', () => {
      for (const client of [pub, sub]) client.quit().catch(() => client.disconnect());
    });
  }

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    const contract = typeof auth === 'object' && auth !== null && 'contract' in auth ? auth.contract : undefined;
    if (contract !== CONTROL_CONTRACT) return next(new Error(ControlAuthError.Outdated));
    checkAccess(deps, typeof token === 'string' ? token : null, null).then(
      (decision) => {
        if (!decision.ok) return next(new Error(decision.status === 401 ? ControlAuthError.Unauthorized : ControlAuthError.Forbidden));
        const { sessionId, participantId, role } = decision.member;
        // Gone while we looked the participant up: socket.io drops it without a disconnect event, so count nothing.
        if (socket.conn.readyState !== 'open') return next(new Error('the connection closed'));
        const admitted = deps.connections?.admit({ sessionId, participantId }, socket.request);
        if (admitted && !admitted.ok)
          return next(
            Object.assign(new Error(ControlAuthError.TooManyConnections), { data: { limit: admitted.limit, message: admitted.message } }),
          );
        if (admitted) {
          socket.once('disconnect', admitted.release);
          socket.conn.once('close', admitted.release);
        }
        socket.data = { sessionId, participantId, role };
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  io.on('connection', (socket) => {
    const { sessionId, participantId, role } = socket.data;
    void socket.join(sessionRoom(sessionId));
    socket.emit(ControlEvent.Welcome, {
      sessionId,
      participantId,
      role,
      serverNow: Date.now(),
      pseudonym: deps.signer.pseudonym(sessionId, participantId),
    });
  });

  return io;
}
