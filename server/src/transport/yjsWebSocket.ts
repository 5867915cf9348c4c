/**
 * The y-websocket transport: takes HTTP upgrades on `/yjs/<sessionId>/<docName>` (and only
 * those; `/socket.io/` is left to socket.io), authenticates before the handshake, and binds each
 * accepted `ws` socket to the relay core.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, DOCUMENT_CONTRACT, closeCodeReasons, docKey, parseDocKey } from '@worktable/shared';
import { RelayRejection, type DocumentAddress, type Principal } from '../relay/hooks.js';
import type { Admission } from '../security/openConnections.js';
import type { Relay, RelayLogger } from '../relay/relay.js';
import type { RelaySocket } from '../relay/socket.js';
import { encodeBinaryFrame } from './webSocketFrame.js';

/** How long a closing peer gets to complete the close handshake before its socket is destroyed. */
const CLOSE_HANDSHAKE_MS = 2000;

/**
 * How long a connection may go without a message from us before it gets a keepalive. The
 * y-websocket client closes a connection that heard nothing for 30 s — which is every lone
 * participant's (we relay presence to the others, not back to its sender), and WebSocket pings
 * do not reach page scripts.
 */
export const KEEPALIVE_MS = 10_000;
/** The keepalive: an awareness message with no client in it (y-websocket applies it as nothing). */
const KEEPALIVE_MESSAGE = new Uint8Array([1, 1, 0]);

/** URL prefix of the y-websocket endpoint. */
export const YJS_PATH_PREFIX = '/yjs/';

/** Transport settings. */
export interface YjsTransportOptions {
  /** Hard cap on one frame; above it `ws` closes with 1009 before buffering it. The relay's own limit is lower. */
  maxFrameBytes: number;
  /** Interval of WebSocket pings; a client that misses one is dropped. */
  heartbeatMs?: number;
  /** Silence after which a connection gets a keepalive message (default `KEEPALIVE_MS`). */
  keepaliveMs?: number;
  logger: RelayLogger;
  /** Called when a handshake is refused, with the HTTP status. */
  onRefused?(status: number): void;
  /** Whether a browser page of this `Origin` may connect (absent: any). */
  originAllowed?(origin: string | undefined, host: string | undefined): boolean;
  /** Counts an authenticated connection against the per-token and per-address caps (absent: no caps); a refusal is a 429. */
  admit?(principal: Principal, request: IncomingMessage): Admission;
}

/** Starts routing upgrades of `server` to `relay`; returns a function that stops and closes all sockets. */
export function attachYjsTransport(server: Server, relay: Relay, options: YjsTransportOptions): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();
  const frames = new WeakMap<Uint8Array, Buffer[]>();
  /** When each connection was last sent anything. */
  const lastSent = new WeakMap<WebSocket, number>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io/')) return;
    socket.on('error', () => socket.destroy());
    if (options.originAllowed && !options.originAllowed(request.headers.origin, request.headers.host)) {
      refuse(socket, 403, 'this page’s origin may not open documents here (ALLOWED_ORIGINS)');
      options.onRefused?.(403);
      return;
    }
    const address = url.pathname.startsWith(YJS_PATH_PREFIX) ? addressOf(url.pathname) : null;
    if (!address) {
      refuse(socket, 404, 'no such endpoint; documents live at /yjs/<sessionId>/<docName>');
      options.onRefused?.(404);
      return;
    }
    relay.authenticate(address, url.searchParams.get('token')).then(
      (principal) => {
        if (socket.destroyed) return;
        const admitted = options.admit?.(principal, request);
        if (admitted && !admitted.ok) {
          refuse(socket, 429, admitted.message);
          options.onRefused?.(429);
          return;
        }
        // The TCP socket closes however the connection ends (even if the handshake never completes).
        if (admitted) socket.once('close', admitted.release);
        const contract = url.searchParams.get('contract');
        wss.handleUpgrade(request, socket, head, (ws) => {
          // A page that names another contract is older (or newer) than this server: it is told to reload.
          if (contract !== null && contract !== String(DOCUMENT_CONTRACT)) {
            ws.close(CloseCode.Outdated, closeCodeReasons[CloseCode.Outdated]);
            options.onRefused?.(426);
            return;
          }
          alive.set(ws, true);
          lastSent.set(ws, Date.now());
          const handle = relay.connect(socketAdapter(ws, frames, lastSent), principal, address);
          ws.on('message', (data: Buffer) => handle.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
          ws.on('pong', () => alive.set(ws, true));
          ws.on('error', (error) => options.logger.warn({ err: error, doc: address.docKey }, 'websocket error'));
          ws.on('close', () => handle.closed());
        });
      },
      (error: unknown) => {
        const status = error instanceof RelayRejection ? error.httpStatus : 500;
        if (!(error instanceof RelayRejection)) options.logger.error({ err: error }, 'authentication failed');
        refuse(socket, status, error instanceof RelayRejection ? error.message : 'internal error');
        options.onRefused?.(status);
      },
    );
  };
  server.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();
  const keepaliveMs = options.keepaliveMs ?? KEEPALIVE_MS;
  const keepalive = setInterval(() => {
    const due = Date.now() - keepaliveMs;
    for (const ws of wss.clients)
      if (ws.readyState === ws.OPEN && (lastSent.get(ws) ?? 0) <= due) socketAdapter(ws, frames, lastSent).send(KEEPALIVE_MESSAGE);
  }, keepaliveMs / 2);
  keepalive.unref();

  return () => {
    clearInterval(heartbeat);
    clearInterval(keepalive);
    server.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}

function addressOf(pathname: string): DocumentAddress | null {
  let tail: string;
  try {
    tail = decodeURIComponent(pathname.slice(YJS_PATH_PREFIX.length));
  } catch {
    return null;
  }
  const parsed = parseDocKey(tail);
  return parsed ? { ...parsed, docKey: docKey(parsed.sessionId, parsed.docName) } : null;
}

/** The part of ws's internal `Sender` used to write a pre-encoded frame (as engine.io does). */
interface FrameSender {
  sendFrame(list: Buffer[], callback?: () => void): void;
}

function frameSenderOf(ws: WebSocket): FrameSender | null {
  const sender: unknown = (ws as unknown as { _sender?: unknown })._sender;
  const hasSendFrame = typeof sender === 'object' && sender !== null && typeof (sender as Partial<FrameSender>).sendFrame === 'function';
  return hasSendFrame ? (sender as FrameSender) : null;
}

/**
 * Binds a `ws` socket to the relay. The relay sends one message object to every recipient of a
 * broadcast, so the frame is encoded once per message (cached by identity) and the same bytes are
 * written to each socket with a single write. (Writes are not corked per turn: the room already
 * merges a turn's updates into one message per client, and corking measured slower.) Falls back
 * to `ws.send` if ws's internals change.
 */
function socketAdapter(ws: WebSocket, frames: WeakMap<Uint8Array, Buffer[]>, lastSent: WeakMap<WebSocket, number>): RelaySocket {
  const sender = frameSenderOf(ws);
  return {
    send(message) {
      if (ws.readyState !== ws.OPEN) return;
      lastSent.set(ws, Date.now());
      if (!sender) {
        ws.send(message, { binary: true });
        return;
      }
      let frame = frames.get(message);
      if (!frame) {
        frame = [encodeBinaryFrame(message)];
        frames.set(message, frame);
      }
      sender.sendFrame(frame);
    },
    close(code, reason) {
      ws.close(code, reason);
      // A peer that does not answer the close handshake (or no longer reads) is cut off.
      setTimeout(() => ws.readyState !== ws.CLOSED && ws.terminate(), CLOSE_HANDSHAKE_MS).unref();
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Answers a refused upgrade with a plain HTTP response and closes the socket. */
function refuse(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code: `http_${status}`, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
