/**
 * Limits of the Node HTTP server under Fastify: how long a client may take to send its headers
 * and its whole request, how long an idle keep-alive connection stays, and how many connections
 * are open at once. They keep slow or idle clients (slowloris) from holding every socket.
 */
import type { Server, ServerOptions } from 'node:http';

/** The HTTP server's timeouts and connection cap (settings `HEADERS_TIMEOUT_MS`, `REQUEST_TIMEOUT_MS`, `KEEP_ALIVE_TIMEOUT_MS`, `MAX_CONNECTIONS`). */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/**
 * Defaults: 10 s for headers (a browser sends them at once); 120 s for a whole request, enough
 * for the largest upload (20 MB) over a 2 Mbit/s uplink; keep-alive 72 s, longer than the usual
 * load balancer idle timeout (60 s) so it never reuses a connection the server is closing;
 * 10,000 connections.
 */
export const HTTP_LIMIT_DEFAULTS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 72_000,
  maxConnections: 10_000,
};

/**
 * Options for `http.createServer`. Node checks for expired headers and requests every
 * `connectionsCheckingInterval` (30 s by default), which would let a slow client stay up to 30 s
 * past a 10 s timeout; checking at a fifth of the headers timeout (at most every second) closes it
 * within 20% of the limit.
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 5))),
  };
}

/** What the limits report: a request that timed out (408), a connection refused over the cap. */
export interface HttpLimitCounters {
  timedOut(): void;
  dropped(): void;
}

/** Applies the connection cap to the created server and counts what the limits stop. */
export function watchHttpLimits(server: Server, limits: HttpLimits, counters: HttpLimitCounters): void {
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => counters.dropped());
  server.on('clientError', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') counters.timedOut();
  });
}
