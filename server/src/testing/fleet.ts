/**
 * Test helper: the servers and stock clients one test file starts, stopped all at once after each
 * test, a restart on the same data folder, and what storage holds of a document.
 */
import * as Y from 'yjs';
import { connectClient, startTestServer, type TestServer, type YClient } from './testServer.js';

/** The servers and clients of one test file. */
export interface TestFleet {
  /** Starts a server with the fleet's environment and `env` over it (strings, as in the environment). */
  start(env?: Record<string, string>): Promise<TestServer>;
  /** Connects a stock client to `<sessionId>/<docName>` on `t`. */
  connect(t: TestServer, sessionId: string, docName: string, token: string): YClient;
  /** Stops `t` gracefully, keeping its data, and starts a server on the same folder with `env`. */
  restart(t: TestServer, env?: Record<string, string>): Promise<TestServer>;
  /** Destroys every client and stops every server (for `afterEach`). */
  stopAll(): Promise<void>;
}

/** A fleet whose servers all start with `baseEnv`. */
export function testFleet(baseEnv: Record<string, string> = {}): TestFleet {
  const servers: TestServer[] = [];
  const clients: YClient[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const server = await startTestServer({ ...baseEnv, ...env });
    servers.push(server);
    return server;
  };
  return {
    start,
    connect(t, sessionId, docName, token) {
      const client = connectClient(t.wsUrl, sessionId, docName, token);
      clients.push(client);
      return client;
    },
    async restart(t, env = {}) {
      servers.splice(servers.indexOf(t), 1);
      await t.stop({ keepData: true });
      return start({ ...env, DATA_DIR: t.dataDir });
    },
    async stopAll() {
      for (const client of clients.splice(0)) client.destroy();
      for (const server of servers.splice(0)) await server.stop();
    },
  };
}

/** What storage holds of a document once everything queued is stored, as a Y.Doc. */
export async function storedDocument(t: Pick<TestServer, 'server'>, docKey: string): Promise<Y.Doc> {
  await t.server.persistence.flush();
  const stored = await t.server.storage.loadDocument(docKey);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}
