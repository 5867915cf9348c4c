/**
 * Clearing uploads whose writer died: one being stored when its process stopped stays behind as a
 * draft with the chunks it had (never visible). The server removes such drafts when it starts and
 * every ten minutes after. A draft is taken for abandoned once older than any upload can last: the
 * request timeout (a body must have arrived within it, or the server drops the connection) and a
 * margin for storing its last chunk.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { StoragePort } from '../storage/port.js';

/** How often the server looks for abandoned uploads. */
export const ABANDONED_UPLOADS_SWEEP_MS = 10 * 60_000;

/** Added to the request timeout before a draft is taken for abandoned. */
const ABANDONED_MARGIN_MS = 5 * 60_000;

/** A running sweep; `stop` ends it once the pass in progress, if any, is over. */
export interface AbandonedUploadsSweep {
  stop(): Promise<void>;
}

/** Removes abandoned uploads now and every `everyMs`, logging what it removed and any failure. */
export function sweepAbandonedUploads(
  storage: StoragePort,
  options: { requestTimeoutMs: number; log: FastifyBaseLogger; everyMs?: number },
): AbandonedUploadsSweep {
  let running: Promise<void> = Promise.resolve();
  let pass = false;
  const sweep = (): void => {
    if (pass) return;
    pass = true;
    running = storage.uploads
      .removeAbandoned(Date.now() - options.requestTimeoutMs - ABANDONED_MARGIN_MS)
      .then(
        (removed) => {
          if (removed > 0) options.log.info({ removed }, 'removed uploads left half-stored by a stopped process');
        },
        (error: unknown) => options.log.warn({ err: error }, 'could not remove abandoned uploads; trying again later'),
      )
      .finally(() => {
        pass = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs ?? ABANDONED_UPLOADS_SWEEP_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
