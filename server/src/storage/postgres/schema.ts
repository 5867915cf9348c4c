/**
 * The PostgreSQL store's schema: its ordered migrations, run at start under an advisory lock so
 * two nodes starting at once migrate once, and the error a start fails with.
 */
import type pg from 'pg';
import { MIGRATE_UPLOADS_TO_CHUNKS } from '../postgresUploads.js';

/** Ordered schema migrations; `worktable_schema` records how many have run. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     session_id      TEXT PRIMARY KEY,
     title           TEXT NOT NULL,
     protocol        TEXT,
     custom_protocol TEXT,
     invite_code     TEXT NOT NULL,
     created_at      BIGINT NOT NULL
   );
   CREATE TABLE participants (
     seq            BIGSERIAL,
     participant_id TEXT PRIMARY KEY,
     session_id     TEXT NOT NULL REFERENCES sessions(session_id),
     name           TEXT NOT NULL,
     role           TEXT NOT NULL,
     joined_at      BIGINT NOT NULL,
     organization   TEXT,
     system_role    TEXT
   );
   CREATE INDEX participants_by_session ON participants(session_id, joined_at, seq);
   CREATE TABLE doc_snapshots (
     doc_key    TEXT PRIMARY KEY,
     snapshot   BYTEA NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE doc_updates (
     seq        BIGSERIAL PRIMARY KEY,
     doc_key    TEXT NOT NULL,
     data       BYTEA NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates(doc_key, seq);
   CREATE TABLE uploads (
     upload_id  TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(session_id),
     mime       TEXT NOT NULL,
     size       BIGINT NOT NULL,
     name       TEXT NOT NULL,
     sha256     TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     data       BYTEA NOT NULL
   );
   CREATE TABLE control_states (
     session_id TEXT PRIMARY KEY REFERENCES sessions(session_id),
     status     TEXT NOT NULL,
     state      TEXT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX control_states_by_status ON control_states(status);
   CREATE TABLE doc_history (
     snapshot_id BIGSERIAL PRIMARY KEY,
     session_id  TEXT NOT NULL REFERENCES sessions(session_id),
     doc_name    TEXT NOT NULL,
     label       TEXT NOT NULL,
     state       BYTEA NOT NULL,
     created_at  BIGINT NOT NULL
   );
   CREATE INDEX doc_history_by_session ON doc_history(session_id, doc_name, snapshot_id);`,
  `ALTER TABLE control_states ADD COLUMN version INTEGER;
   UPDATE control_states SET version = (state::json->>'version')::integer;`,
  `CREATE TABLE record_links (
     seq        BIGSERIAL,
     link_id    TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(session_id),
     options    TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     revoked_at BIGINT
   );
   CREATE INDEX record_links_by_session ON record_links(session_id, created_at, seq);`,
  `ALTER TABLE participants ADD COLUMN rostered BOOLEAN NOT NULL DEFAULT FALSE;`,
  MIGRATE_UPLOADS_TO_CHUNKS,
];

/** A fixed key for the migration advisory lock. */
const MIGRATION_LOCK = 0x77_6f_72_6b;

/** Thrown when the database cannot be used; the message says what to do. */
export class PostgresStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PostgresStartError';
  }
}

/**
 * Creates `schema` if needed and brings it up to migration `target` (all of them by default; tests
 * stop earlier to build a database as an older server left it), under the migration lock.
 * Refuses a database written by a newer server.
 */
export async function migratePostgresSchema(client: pg.ClientBase, schema: string, target = MIGRATIONS.length): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS worktable_schema (version INTEGER NOT NULL)');
    const current = await client.query<{ version: number }>('SELECT version FROM worktable_schema');
    let version = current.rows[0]?.version ?? 0;
    if (current.rows.length === 0) await client.query('INSERT INTO worktable_schema (version) VALUES (0)');
    if (version > MIGRATIONS.length) {
      throw new PostgresStartError(
        `The database was written by a newer Worktable (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade the server.`,
      );
    }
    for (; version < target; version++) await client.query(MIGRATIONS[version] as string);
    await client.query('UPDATE worktable_schema SET version = $1', [version]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
