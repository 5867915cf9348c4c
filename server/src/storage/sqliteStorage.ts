/**
 * The embedded SQLite adapter of the storage port (better-sqlite3, WAL, synchronous=FULL so a
 * committed transaction survives a crash of the process and of the machine), composed of one part
 * per concern of the port (`sqlite/`). The group commit of document updates runs on a worker
 * thread (`SqliteAppender`); everything else is synchronous on this connection, and its write
 * transactions take the write lock when they begin (IMMEDIATE), so a commit of the worker between
 * their reads and their writes cannot invalidate them. Uploads are kept in chunks, each its own
 * short step on this connection (`sqliteUploads.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ComposedStorage, type StorageParts } from './composedStorage.js';
import { SqliteControl } from './sqlite/control.js';
import { SqliteDocuments } from './sqlite/documents.js';
import { SqliteHistory } from './sqlite/history.js';
import { SqliteRecordLinks } from './sqlite/recordLinks.js';
import { migrateSqliteSchema } from './sqlite/schema.js';
import { SqliteSessions } from './sqlite/sessions.js';
import { CONNECTION_PRAGMAS } from './sqliteAppender.js';
import { SqliteUploads } from './sqliteUploads.js';

export { migrateSqliteSchema } from './sqlite/schema.js';

/** Opens (creating and migrating when needed) the SQLite store at `file`. */
export function openSqliteStorage(file: string): SqliteStorage {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new SqliteStorage(new Database(file));
}

/** The SQLite parts: the documents one is closed with the store (it may have started a worker). */
type SqliteParts = StorageParts & { documents: SqliteDocuments; uploads: SqliteUploads };

/** Sets up the connection and its schema, then builds a part for each concern of the port on it. */
function sqliteParts(db: Database.Database): SqliteParts {
  for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
  migrateSqliteSchema(db);
  return {
    sessions: new SqliteSessions(db),
    documents: new SqliteDocuments(db),
    control: new SqliteControl(db),
    history: new SqliteHistory(db),
    recordLinks: new SqliteRecordLinks(db),
    uploads: new SqliteUploads(db),
  };
}

/** Storage port on one SQLite file. better-sqlite3 is synchronous, so each call is atomic. */
export class SqliteStorage extends ComposedStorage<SqliteParts> {
  readonly engine = 'sqlite';
  private readonly pingQuery: Database.Statement;

  constructor(private readonly db: Database.Database) {
    super(sqliteParts(db));
    this.pingQuery = db.prepare('SELECT 1');
  }

  async ping(): Promise<void> {
    this.pingQuery.get();
  }

  /** Writes a consistent copy of the database to `destination` while the server keeps running. */
  async backup(destination: string): Promise<void> {
    // All pages in one step: SQLite restarts a step-by-step backup whenever another connection
    // writes, so under steady typing a 100-page-per-step copy of a large store never finished
    // (found by the fault suite, FT5). One step holds the read lock only for the copy itself.
    await this.db.backup(destination, { progress: () => 0x7fffffff });
  }

  async close(): Promise<void> {
    await this.parts.documents.close();
    if (this.db.open) this.db.close();
  }
}
