/**
 * What an integration test opens against a real server — control clients, document clients and
 * the server itself — closed after each test, clients first.
 */
import { afterEach } from 'vitest';
import type { BuildOptions } from '../app.js';
import type { ControlClient } from './controlClient.js';
import { startTestServer, type TestServer, type YClient } from './testServer.js';

/** The lists a test puts what it opened in, and how it starts the server. */
export interface TestResources {
  clients: ControlClient[];
  docs: YClient[];
  /** Starts a test server (`startTestServer`), stopped after the test. */
  start(env?: Record<string, string>, options?: BuildOptions): Promise<TestServer>;
}

/** Registers the clean-up for the current test file; call once at its top level. */
export function closedAfterEach(): TestResources {
  const clients: ControlClient[] = [];
  const docs: YClient[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const d of docs.splice(0)) d.destroy();
    await server?.stop();
    server = undefined;
  });
  return {
    clients,
    docs,
    async start(env, options) {
      server = await startTestServer(env, options);
      return server;
    },
  };
}
