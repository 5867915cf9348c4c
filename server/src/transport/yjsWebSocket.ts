/**
 * The y-websocket transport: takes HTTP upgrades on `/yjs/<sessionId>/<docName>` (and only
 * those; `/socket.io/` is left to socket.io), authenticates before the handshake, and binds each
 * accepted `ws` socket to the relay core.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { docKey, parseDocKey } from '@worktable/shared';
import { RelayRejection, type DocumentAddress } from '../relay/hooks.js';
import type { Relay, RelayLogger } from '../relay/relay.js';
import type { RelaySocket } from '../relay/socket.js';

/** URL prefix of the y-websocket endpoint. */
export const YJS_PATH_PREFIX = '/yjs/';

/** Transport settings. */
export interface YjsTransportOptions {
  /** Hard cap on one frame; above it `ws` closes with 1009 before buffering it. The relay's own limit is lower. */
  maxFrameBytes: number;
  /** Interval of WebSocket pings; a client that misses one is dropped. */
  heartbeatMs?: number;
  logger: RelayLogger;
  /** Called when a handshake is refused, with the HTTP status. */
  onRefused?(status: number): void;
}

/** Starts routing upgrades of `server` to `relay`; returns a function that stops and closes all sockets. */
export function attachYjsTransport(server: Server, relay: Relay, options: YjsTransportOptions): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io/')) return;
    socket.on('error', () => socket.destroy());
    const address = url.pathname.startsWith(YJS_PATH_PREFIX) ? addressOf(url.pathname) : null;
    if (!address) {
      refuse(socket, 404, 'no such endpoint; documents live at /yjs/<sessionId>/<docName>');
      options.onRefused?.(404);
      return;
    }
    relay.authenticate(address, url.searchParams.get('token')).then(
      (principal) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(request, socket, head, (ws) => {
          alive.set(ws, true);
          const handle = relay.connect(socketAdapter(ws), principal, address);
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

  return () => {
    clearInterval(heartbeat);
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

function socketAdapter(ws: WebSocket): RelaySocket {
  return {
    send(message) {
      if (ws.readyState === ws.OPEN) ws.send(message, { binary: true });
    },
    close(code, reason) {
      ws.close(code, reason);
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
