/**
 * A test server that never listens: the same `buildServer` with the same SQLite file in a fresh
 * folder as `startTestServer`, answered through Fastify's `inject` instead of a socket. For tests
 * of the REST routes, where what is checked is the request and the response and not the socket:
 * no port, no connection, no HTTP parser on either side. `fetch` takes the same arguments as the
 * global one and answers a real `Response`, so a test reads the same either way.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import { buildServer, type BuildOptions, type WorktableServer } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createSessionWith, postJson, scrapeMetric, tempDataDir, type Fetch, type FetchedResponse } from './testServer.js';

/** The origin requests to a test app seem to come to (what `inject` sends as Host by default). */
export const TEST_APP_URL = 'http://localhost:80';

/** A built, not listening, test server. */
export interface TestApp {
  server: WorktableServer;
  /** `TEST_APP_URL`: links the server hands out start with it. */
  url: string;
  dataDir: string;
  /** Like the global `fetch`, through `inject` (an absolute URL's origin is ignored). */
  fetch: Fetch;
  /** `postJson` through `inject`. */
  postJson<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  /** `createSessionWith` through `inject`. */
  createSessionWith(
    names?: string[],
    role?: 'participant' | 'observer',
  ): Promise<{ session: CreateSessionResponse; members: JoinSessionResponse[] }>;
  /** `scrapeMetric` through `inject`. */
  scrapeMetric(series: string): Promise<number>;
  /** Closes the server and, unless `keepData`, deletes its folder. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A request body as `inject` takes it. */
function payloadOf(body: RequestInit['body']): string | Buffer | Readable | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof ReadableStream) return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  throw new Error(`testApp: unsupported request body ${Object.prototype.toString.call(body)}`);
}

/** A `fetch` answered by `server` through `inject`, from `remoteAddress`. */
export function injectFetch(server: WorktableServer, remoteAddress = '127.0.0.1'): Fetch {
  return async (input, init = {}) => {
    const url = new URL(String(input), TEST_APP_URL);
    const injected = await server.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      payload: payloadOf(init.body),
      remoteAddress,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(injected.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, String(one));
    }
    return injectedResponse(injected.statusCode, headers, injected.rawPayload);
  };
}

/** A response read from an injected one's bytes (building a `Response` costs more than the request). */
function injectedResponse(status: number, headers: Headers, bytes: Buffer): FetchedResponse {
  return {
    status,
    headers,
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () => new Uint8Array(bytes).buffer,
  };
}

/** Builds a server like `startTestServer` (same `env` overrides and options) without listening. */
export async function buildTestApp(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, FLUSH_INTERVAL_MS: '5', ...env });
  const server = await buildServer(config, { logger: false, ...options });
  await server.app.ready();
  const fetch = injectFetch(server);
  return {
    server,
    url: TEST_APP_URL,
    dataDir,
    fetch,
    postJson: (path, body) => postJson(`${TEST_APP_URL}${path}`, body, fetch),
    createSessionWith: (names = [], role = 'participant') => createSessionWith(TEST_APP_URL, names, role, fetch),
    scrapeMetric: (series) => scrapeMetric(TEST_APP_URL, series, fetch),
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
