/**
 * What the scale-out runs of the relay benchmark need besides the servers (issue #7): a fresh
 * PostgreSQL database per run, each node's cross-node counters from `/healthz`, and Redis's own
 * statistics (read with INFO over a plain socket, so the bench needs no Redis client library).
 */
import crypto from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import type { CheckResult } from './persistenceCheck.js';

/** A database the bench may CREATE/DROP other databases from. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** The Redis the nodes sync over. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';

/** A database created for one run. */
export interface BenchDatabase {
  name: string;
  /** Connection string of the new database (same server, user and password as the admin URL). */
  url: string;
  /** `fsync`, `synchronous_commit` and the server version, for the log. */
  settings: string;
  /** No update stored twice: every row of `doc_updates` distinct, and how many there are. */
  storedOnce(updatesSent: number): Promise<CheckResult>;
  /** Drops the database (disconnecting whatever is still connected). */
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `wt_bench_<random>` on the server of `adminUrl`. */
export async function createBenchDatabase(adminUrl = BENCH_DATABASE_URL): Promise<BenchDatabase> {
  const name = `wt_bench_${crypto.randomBytes(5).toString('hex')}`;
  const settings = await withClient(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${name}`);
    const show = async (setting: string): Promise<string> => String((await admin.query(`SHOW ${setting}`)).rows[0]?.[setting] ?? '?');
    return `PostgreSQL ${await show('server_version')}, fsync=${await show('fsync')}, synchronous_commit=${await show('synchronous_commit')}`;
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    settings,
    storedOnce: (updatesSent) =>
      withClient(url.toString(), async (db) => {
        const { rows } = await db.query<{ total: string; distinct: string }>(
          'SELECT count(*) AS total, count(DISTINCT (doc_key, md5(data))) AS distinct FROM doc_updates',
        );
        const total = Number(rows[0]?.total);
        const distinct = Number(rows[0]?.distinct);
        const compared =
          total === updatesSent ? `= ${updatesSent} sent` : `${updatesSent} sent (a log past COMPACT_AFTER_UPDATES is compacted)`;
        return { ok: total === distinct, detail: `${total} rows in doc_updates, ${distinct} distinct, ${compared}` };
      }),
    drop: () => withClient(adminUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** A node's cross-node sync counters (`/healthz` → `crossNode`). */
export interface CrossNodeCounters {
  ok: boolean;
  published: number;
  received: number;
  duplicates: number;
  publishFailures: number;
}

/** Reads `crossNode` from a node's `/healthz`; throws when the node has no cross-node sync. */
export async function crossNodeCounters(httpUrl: string): Promise<CrossNodeCounters> {
  const health = (await (await fetch(`${httpUrl}/healthz`)).json()) as { crossNode?: CrossNodeCounters };
  if (!health.crossNode) throw new Error(`${httpUrl}/healthz has no crossNode section: is REDIS_URL set?`);
  return health.crossNode;
}

/** `after - before` for every counter, summed over nodes. */
export function counterDelta(before: readonly CrossNodeCounters[], after: readonly CrossNodeCounters[]): Omit<CrossNodeCounters, 'ok'> {
  const sum = (list: readonly CrossNodeCounters[], key: keyof Omit<CrossNodeCounters, 'ok'>): number =>
    list.reduce((total, c) => total + c[key], 0);
  return {
    published: sum(after, 'published') - sum(before, 'published'),
    received: sum(after, 'received') - sum(before, 'received'),
    duplicates: sum(after, 'duplicates') - sum(before, 'duplicates'),
    publishFailures: sum(after, 'publishFailures') - sum(before, 'publishFailures'),
  };
}

/** Server-wide Redis figures (every client of that Redis counts, not only the nodes). */
export interface RedisStats {
  /** PUBLISH commands processed. */
  publishCalls: number;
  /** All commands processed. */
  commands: number;
  netInputBytes: number;
  netOutputBytes: number;
}

/** Runs INFO on the Redis at `url` and picks the figures of `RedisStats`. */
export async function redisStats(url = BENCH_REDIS_URL): Promise<RedisStats> {
  const info = await redisInfo(url);
  const field = (name: string): number => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return {
    publishCalls: Number(/^cmdstat_publish:calls=(\d+)/m.exec(info)?.[1] ?? 0),
    commands: field('total_commands_processed'),
    netInputBytes: field('total_net_input_bytes'),
    netOutputBytes: field('total_net_output_bytes'),
  };
}

/** `INFO all` over RESP on a plain TCP socket (no AUTH/TLS: a local benchmark Redis). */
function redisInfo(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    let buffer = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error(`Redis at ${url} did not answer INFO`)));
    socket.once('error', reject);
    socket.on('connect', () => socket.write('*2\r\n$4\r\nINFO\r\n$3\r\nall\r\n'));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const headerEnd = buffer.indexOf('\r\n');
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString();
      if (!header.startsWith('$')) {
        socket.destroy();
        reject(new Error(`Redis at ${url} answered INFO with ${header}`));
        return;
      }
      const length = Number(header.slice(1));
      if (buffer.byteLength < headerEnd + 2 + length) return;
      socket.end();
      resolve(buffer.subarray(headerEnd + 2, headerEnd + 2 + length).toString());
    });
  });
}
