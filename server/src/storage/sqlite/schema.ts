/**
 * The SQLite store's schema: its ordered migrations and the function that runs the ones a store
 * lacks. `PRAGMA user_version` records how many have run.
 */
import type Database from 'better-sqlite3';
import { migrateUploadsToChunks } from '../sqliteUploads.js';

/** Ordered schema migrations (SQL, or a function for what SQL alone does badly); `PRAGMA user_version` records how many have run. */
const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
  `CREATE TABLE sessions (
     session_id  TEXT PRIMARY KEY,
     title       TEXT NOT NULL,
     protocol    TEXT,
     invite_code TEXT NOT NULL,
     created_at  INTEGER NOT NULL
   );
   CREATE TABLE participants (
     participant_id TEXT PRIMARY KEY,
     session_id     TEXT NOT NULL REFERENCES sessions(session_id),
     name           TEXT NOT NULL,
     role           TEXT NOT NULL,
     joined_at      INTEGER NOT NULL
   );
   CREATE INDEX participants_by_session ON participants(session_id, joined_at);
   CREATE TABLE doc_snapshots (
     doc_key    TEXT PRIMARY KEY,
     snapshot   BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   );
   -- seq is the rowid: always above every row present, so a document's log stays in order
   -- (no AUTOINCREMENT: it would cost an extra page write per commit).
   CREATE TABLE doc_updates (
     seq        INTEGER PRIMARY KEY,
     doc_key    TEXT NOT NULL,
     data       BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates(doc_key, seq);`,
  `CREATE TABLE uploads (
     upload_id  TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(session_id),
     mime       TEXT NOT NULL,
     size       INTEGER NOT NULL,
     name       TEXT NOT NULL,
     sha256     TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     data       BLOB NOT NULL
   );`,
  `CREATE TABLE control_states (
     session_id TEXT PRIMARY KEY REFERENCES sessions(session_id),
     status     TEXT NOT NULL,
     state      TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX control_states_by_status ON control_states(status);`,
  `ALTER TABLE sessions ADD COLUMN custom_protocol TEXT;`,
  `ALTER TABLE participants ADD COLUMN organization TEXT;
   ALTER TABLE participants ADD COLUMN system_role TEXT;`,
  `CREATE TABLE doc_history (
     snapshot_id INTEGER PRIMARY KEY,
     session_id  TEXT NOT NULL REFERENCES sessions(session_id),
     doc_name    TEXT NOT NULL,
     label       TEXT NOT NULL,
     state       BLOB NOT NULL,
     created_at  INTEGER NOT NULL
   );
   CREATE INDEX doc_history_by_session ON doc_history(session_id, doc_name, snapshot_id);`,
  `ALTER TABLE control_states ADD COLUMN version INTEGER;
   UPDATE control_states SET version = json_extract(state, '$.version');`,
  `CREATE TABLE record_links (
     link_id    TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(session_id),
     options    TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX record_links_by_session ON record_links(session_id, created_at);`,
  `ALTER TABLE participants ADD COLUMN rostered INTEGER NOT NULL DEFAULT 0;`,
  migrateUploadsToChunks,
];

/**
 * Brings the schema of `db` up to migration `target` (all of them by default; tests stop earlier
 * to build a store as an older server left it). Refuses a store written by a newer server.
 */
export function migrateSqliteSchema(db: Database.Database, target = MIGRATIONS.length): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `The database was written by a newer Worktable (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade the server.`,
    );
  }
  for (let i = version; i < target; i++) {
    const migration = MIGRATIONS[i];
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration?.(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
