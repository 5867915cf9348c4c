/**
 * What several nodes cost the services they share, over a span of a run: Redis (every PUBLISH and
 * command, from INFO) and PostgreSQL (commits and rows written in the run's database, from
 * `pg_stat_database`). The base of the 10,000-person estimate in docs/BENCHMARKS.md.
 */
import pg from 'pg';
import { redisStats, type RedisStats } from './scaleout.js';

/** One reading of both services. */
export interface BackendSample {
  at: number;
  redis: RedisStats;
  commits: number;
  rowsWritten: number;
}

/** The load between two readings. */
export interface BackendLoad {
  seconds: number;
  redisPublishPerSecond: number;
  redisCommandsPerSecond: number;
  /** Redis PUBLISH per document edit sent by the participants. */
  publishPerEdit: number;
  postgresCommitsPerSecond: number;
  postgresRowsPerSecond: number;
}

/** Reads Redis's INFO and the database's commit and row counters. */
export async function sampleBackends(databaseUrl: string): Promise<BackendSample> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Statistics reach the view when a backend reports them: ask for a fresh snapshot.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ commits: string; written: string }>(
      'SELECT xact_commit AS commits, tup_inserted + tup_updated + tup_deleted AS written FROM pg_stat_database WHERE datname = current_database()',
    );
    return {
      at: Date.now(),
      redis: await redisStats(),
      commits: Number(rows[0]?.commits ?? 0),
      rowsWritten: Number(rows[0]?.written ?? 0),
    };
  } finally {
    await client.end();
  }
}

/** The load between `before` and `after`, with `edits` document edits sent meanwhile. */
export function backendLoad(before: BackendSample, after: BackendSample, edits: number): BackendLoad {
  const seconds = (after.at - before.at) / 1000;
  const publish = after.redis.publishCalls - before.redis.publishCalls;
  return {
    seconds,
    redisPublishPerSecond: publish / seconds,
    redisCommandsPerSecond: (after.redis.commands - before.redis.commands) / seconds,
    publishPerEdit: edits > 0 ? publish / edits : Number.NaN,
    postgresCommitsPerSecond: (after.commits - before.commits) / seconds,
    postgresRowsPerSecond: (after.rowsWritten - before.rowsWritten) / seconds,
  };
}
