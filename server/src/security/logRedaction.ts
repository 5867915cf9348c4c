/**
 * What request logs may show: method, path and client address — never the query string (it can
 * carry an invite code, `?code=…`, or a document token, `?token=…`) and never headers (the
 * `Authorization` bearer token). Content people write never reaches a log line at all: the relay
 * logs document names and close codes only.
 */

/** The parts of a request that are logged. */
export interface LoggedRequest {
  method: string;
  /** The path only: the query string is cut off. */
  url: string;
  remoteAddress?: string;
  [key: string]: unknown;
}

/** Pino serializer for `req` (typed loosely, as Fastify hands it over). */
export function requestForLog(request: { method?: string; url?: string; socket?: { remoteAddress?: string } }): LoggedRequest {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const logged: LoggedRequest = { method: request.method ?? '', url: query < 0 ? url : url.slice(0, query) };
  if (request.socket?.remoteAddress) logged.remoteAddress = request.socket.remoteAddress;
  return logged;
}
