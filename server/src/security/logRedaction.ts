/**
 * What request logs may show: method, path and client address — never the query string (it can
 * carry an invite code, `?code=…`, or a document token, `?token=…`), never a record link's id in
 * the path (whoever has it reads the record), and never headers (the `Authorization` bearer
 * token). Content people write never reaches a log line at all: the relay logs document names and
 * close codes only.
 */
import { RECORD_LINK_ID_PATTERN } from '@worktable/shared';

/** What a record link id is logged as. */
export const REDACTED_LINK = '[record-link]';

/** The parts of a request that are logged. */
export interface LoggedRequest {
  method: string;
  /** The path only: the query string is cut off, record link ids replaced. */
  url: string;
  remoteAddress?: string;
  [key: string]: unknown;
}

/** Pino serializer for `req` (typed loosely, as Fastify hands it over). */
export function requestForLog(request: { method?: string; url?: string; socket?: { remoteAddress?: string } }): LoggedRequest {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const path = (query < 0 ? url : url.slice(0, query))
    .split('/')
    .map((segment) => (RECORD_LINK_ID_PATTERN.test(segment) ? REDACTED_LINK : segment))
    .join('/');
  const logged: LoggedRequest = { method: request.method ?? '', url: path };
  if (request.socket?.remoteAddress) logged.remoteAddress = request.socket.remoteAddress;
  return logged;
}
