/**
 * The real PostgreSQL and Redis the scale-out tests run against (127.0.0.1:5432 and :6379 on the
 * project's machines, or `TEST_DATABASE_URL` / `TEST_REDIS_URL`). When one is not reachable the
 * tests that need it are skipped with a message saying how to run them — unless
 * `WORKTABLE_REQUIRE_SERVICES=1` (set by .ci/run), which makes them fail instead.
 */
import crypto from 'node:crypto';
import net from 'node:net';

/** Where the test database is. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Where the test Redis is. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The per-address limits lifted, for tests and benchmarks that are not about them: they play many
 * people who all come from 127.0.0.1 — and with REDIS_URL count their sessions in the one Redis
 * every run on the machine shares — whom the limits would count as one client.
 */
export const ONE_ADDRESS_ENV: Readonly<Record<string, string>> = {
  SESSIONS_PER_ADDRESS_PER_HOUR: '1000000',
  MAX_CONNECTIONS_PER_ADDRESS: '1000000',
};

/** Whether services are required (CI) rather than optional (a developer's machine). */
export const SERVICES_REQUIRED = process.env.WORKTABLE_REQUIRE_SERVICES === '1';

/**
 * Whether the tests needing `service` should run. Prints how to run them when skipped; throws
 * when they are required but the service is not there.
 */
export async function serviceAvailable(service: 'postgres' | 'redis'): Promise<boolean> {
  const url = service === 'postgres' ? TEST_DATABASE_URL : TEST_REDIS_URL;
  const ok = await reachable(url, service === 'postgres' ? 5432 : 6379);
  if (ok) return true;
  const how =
    service === 'postgres'
      ? 'start PostgreSQL on 127.0.0.1:5432 with a database "test" (apt-get install postgresql), or set TEST_DATABASE_URL'
      : 'start Redis on 127.0.0.1:6379 (apt-get install redis-server), or set TEST_REDIS_URL';
  if (SERVICES_REQUIRED) throw new Error(`${service} is required (WORKTABLE_REQUIRE_SERVICES=1) but not reachable at ${url}: ${how}`);
  process.stderr.write(`\n[skipped] the ${service} tests: nothing answers at ${url}. To run them, ${how}.\n`);
  return false;
}

/** A database made for one test (on the server of `TEST_DATABASE_URL`), dropped by `dropTestDatabases`. */
export interface TestDatabase {
  name: string;
  url: string;
}

const created: string[] = [];

/** Creates a fresh, empty database and returns its URL. */
export async function createTestDatabase(prefix = 'wt_test'): Promise<TestDatabase> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops every database `createTestDatabase` made in this test file (connections are closed by force). */
export async function dropTestDatabases(): Promise<void> {
  if (created.length === 0) return;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
