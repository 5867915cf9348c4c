/**
 * Serves the built browser client (client/dist) with a single-page-app fallback, so deep links
 * such as `/join/<sessionId>` load the app. API paths that match nothing get a JSON 404.
 * Files go out precompressed (the build's .br and .gz, whichever the browser accepts); the hashed
 * files under assets/ never change, so browsers keep them a year without asking again, while
 * index.html (and anything unhashed) is revalidated on every load so a deploy shows at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './httpErrors.js';

/**
 * Where `vite build` writes the client: `client/dist` of the repository this server runs from,
 * found by walking up from this file (it runs from `server/src/routes` in development and from
 * `server/dist` once bundled).
 */
export const CLIENT_DIST_DIR = findClientDist(import.meta.dirname);

function findClientDist(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'client', 'package.json'))) return path.join(dir, 'client', 'dist');
    if (path.dirname(dir) === dir) return path.resolve(start, '../../../client/dist');
  }
}

/** Cache-Control of hashed build assets: a new build gives them new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of index.html and other unhashed files: ask every time (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Registers static serving of the client and the not-found handler. */
export async function clientRoutes(app: FastifyInstance, clientDir = CLIENT_DIST_DIR): Promise<void> {
  const built = fs.existsSync(path.join(clientDir, 'index.html'));
  if (built) {
    const assets = path.join(clientDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => response.header('cache-control', filePath.startsWith(assets) ? IMMUTABLE : REVALIDATE),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|yjs|socket\.io|healthz|metrics)(\/|$)/.test(request.url);
    if (isApi || request.method !== 'GET')
      return sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`);
    if (!built) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The Worktable client is not built. Run `npm start` (or `npm run build:client`) and reload.');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
