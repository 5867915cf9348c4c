/**
 * Transactions on the PostgreSQL pool: one connection, BEGIN … COMMIT, rolled back on failure.
 */
import type pg from 'pg';

/** Runs `work` in one transaction on one connection of `pool`. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
