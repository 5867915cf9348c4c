/** The one shape of every API error, and the error handler that produces it. */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '@worktable/shared';

/** Sends `{ error: { code, message } }` with `status`. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: ApiError = { error: { code, message } };
  return reply.code(status).send(body);
}

/** Sends 429 `too_many_requests` with `Retry-After: waitSeconds`; `message` should say when to try again. */
export function sendTooManyRequests(reply: FastifyReply, waitSeconds: number, message: string): FastifyReply {
  reply.header('retry-after', String(waitSeconds));
  return sendError(reply, 429, 'too_many_requests', message);
}

/** Errors of a storage engine that is full, read-only or unreachable (SQLite codes, Postgres connection errors). */
function isStorageUnavailable(error: { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    /^SQLITE_(FULL|IOERR|READONLY|BUSY|CANTOPEN)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '53100'].includes(code)
  );
}

/** Installs the error and not-found handlers: clear JSON errors, never a stack trace. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (isStorageUnavailable(error)) {
      request.log.error({ err: error }, 'storage unavailable');
      return sendError(
        reply,
        503,
        'unavailable',
        'the server cannot store anything right now (storage full or unreachable); try again in a minute',
      );
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, 500, 'internal', 'something went wrong on the server; try again');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'too_large', 'request body is too large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'unsupported_media_type', 'send the body as application/json');
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'bad_request', 'body: is required');
    return sendError(reply, status, 'bad_request', `body: ${error.message}`);
  });
}
