/**
 * Storage port on PostgreSQL (selected by `DATABASE_URL`), for several server nodes sharing one
 * database, composed of one part per concern of the port (`postgres/`). Same behaviour as the
 * SQLite adapter (the contract suite runs against both): the schema is created and migrated at
 * start under an advisory lock (two nodes starting at once migrate once), updates are appended in
 * one transaction per batch (group commit), and a document is compacted under a per-document
 * advisory lock, so two nodes never compact one document at the same time.
 */
import pg from 'pg';
import { ComposedStorage, type StorageParts } from './composedStorage.js';
import { PostgresControl } from './postgres/control.js';
import { PostgresDocuments } from './postgres/documents.js';
import { PostgresHistory } from './postgres/history.js';
import { PostgresRecordLinks } from './postgres/recordLinks.js';
import { PostgresStartError, migratePostgresSchema } from './postgres/schema.js';
import { PostgresSessions } from './postgres/sessions.js';
import { inTransaction } from './postgres/transaction.js';
import { PostgresUploads } from './postgresUploads.js';

export { PostgresStartError, migratePostgresSchema } from './postgres/schema.js';

/**
 * Connects to `connectionString`, creates or migrates the schema (in `schema`, default `public`)
 * and returns the store. Rejects with a clear message when the database is unreachable or newer.
 */
export async function openPostgresStorage(
  connectionString: string,
  options: { schema?: string; poolSize?: number } = {},
): Promise<PostgresStorage> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new PostgresStartError(`schema name "${schema}" must be lowercase letters, digits and underscores`);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', () => undefined); // an idle client dropped; the next query reconnects
  try {
    const client = await pool.connect();
    try {
      await migratePostgresSchema(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof PostgresStartError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PostgresStartError(
      `cannot use the database at DATABASE_URL (${reason}); check that PostgreSQL is running and the URL, user and database are right`,
      { cause: error },
    );
  }
  return new PostgresStorage(pool);
}

/** The PostgreSQL parts, on one pool. */
type PostgresParts = StorageParts & { uploads: PostgresUploads };

/** The storage port on a PostgreSQL pool. */
export class PostgresStorage extends ComposedStorage<PostgresParts> {
  readonly engine = 'postgres';

  constructor(private readonly pool: pg.Pool) {
    super({
      sessions: new PostgresSessions(pool),
      documents: new PostgresDocuments(pool),
      control: new PostgresControl(pool),
      history: new PostgresHistory(pool),
      recordLinks: new PostgresRecordLinks(pool),
      uploads: new PostgresUploads(pool, (work) => inTransaction(pool, work)),
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
