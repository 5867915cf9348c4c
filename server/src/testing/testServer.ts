/**
 * Test helpers: a real server on port 0 with a real SQLite file in a fresh temporary folder,
 * and real y-websocket clients (the stock `WebsocketProvider` on `ws`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateSessionResponse, JoinSessionResponse } from '@worktable/shared';
import { buildServer, type BuildOptions, type WorktableServer } from '../app.js';
import { loadConfig } from '../config/config.js';
import { writeAwarenessEntries } from '../relay/awarenessEntries.js';
import { encodeAwareness } from '../relay/messages.js';

/** A started test server. */
export interface TestServer {
  server: WorktableServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Stops the server (graceful) and, unless `keepData`, deletes its folder. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** A fresh temporary data folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-test-'));
}

/** Starts a server on 127.0.0.1:0 with `env` overrides (strings, as in the environment). */
export async function startTestServer(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, FLUSH_INTERVAL_MS: '5', ...env });
  const server = await buildServer(config, { logger: false, ...options });
  const url = await server.listen();
  return {
    server,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    dataDir,
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What tests read of a response: the global `fetch`'s `Response` has it, and so has an injected one. */
export interface FetchedResponse {
  status: number;
  headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The global `fetch`'s shape, so a test server answered through `inject` can stand in for it. */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<FetchedResponse>;

/** POSTs JSON (with `fetcher`, the global `fetch` unless told) and returns status and parsed body. */
export async function postJson<T>(url: string, body: unknown, fetcher: Fetch = fetch): Promise<{ status: number; body: T }> {
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Creates a session and joins `names` to it; returns the host response and each participant's token. */
export async function createSessionWith(
  baseUrl: string,
  names: string[] = [],
  role: 'participant' | 'observer' = 'participant',
  fetcher: Fetch = fetch,
): Promise<{ session: CreateSessionResponse; members: JoinSessionResponse[] }> {
  const created = await postJson<CreateSessionResponse>(`${baseUrl}/api/sessions`, { title: 'Test session' }, fetcher);
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  const members: JoinSessionResponse[] = [];
  for (const name of names) {
    const joined = await postJson<JoinSessionResponse>(
      `${baseUrl}/api/sessions/${created.body.sessionId}/join`,
      {
        inviteCode: created.body.inviteCode,
        name,
        role,
      },
      fetcher,
    );
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status}`);
    members.push(joined.body);
  }
  return { session: created.body, members };
}

/** Reads one series (`name{labels}` as Prometheus prints it) from the server's `/metrics`; 0 when absent. */
export async function scrapeMetric(baseUrl: string, series: string, fetcher: Fetch = fetch): Promise<number> {
  const text = await (await fetcher(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** A y-websocket client. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` to `<wsUrl>/yjs/<sessionId>/<docName>`. */
export function connectClient(wsUrl: string, sessionId: string, docName: string, token: string, doc = new Y.Doc()): YClient {
  const provider = new WebsocketProvider(`${wsUrl}/yjs`, `${sessionId}/${docName}`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** An awareness message, as a raw socket sends it: each entry sets `state` (null: removes it) for `clientId` at `clock`. */
export function awarenessMessage(...entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  return encodeAwareness(
    writeAwarenessEntries(entries.map(({ clientId, clock, state }) => ({ clientId, clock, json: Buffer.from(JSON.stringify(state)) }))),
  );
}

/** Polls `predicate` every 10 ms until true or `timeoutMs` passes. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a raw WebSocket and resolves with its upgrade status: 101, or the HTTP error status. */
export async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const opened = await openOrRefused(url, headers);
  if (typeof opened === 'number') return opened;
  opened.close();
  return 101;
}

/** Opens a raw WebSocket and resolves with it once open, or with the HTTP status that refused the upgrade. */
export function openOrRefused(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => reject(error));
  });
}

/** Opens a raw WebSocket to a document and resolves once it is open. */
export function openRawSocket(wsUrl: string, sessionId: string, docName: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/yjs/${sessionId}/${docName}?token=${encodeURIComponent(token)}`);
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

/** Resolves with the close code the server sent (or the local code if it never did). */
export function closeCodeOf(ws: WebSocket, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === ws.CLOSED) reject(new Error('socket already closed'));
    const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
