/**
 * Storage port on PostgreSQL (selected by `DATABASE_URL`), for several server nodes sharing one
 * database. Same behaviour as the SQLite adapter (the contract suite runs against both): the
 * schema is created and migrated at start under an advisory lock (two nodes starting at once
 * migrate once), updates are appended in one transaction per batch (group commit), and a
 * document is compacted under a per-document advisory lock, so two nodes never compact one
 * document at the same time.
 */
import pg from 'pg';
import type { SessionRole } from '@worktable/shared';
import type {
  CompactionResult,
  HistorySnapshotInput,
  HistorySnapshotRecord,
  MergeDocument,
  ParticipantRecord,
  PendingUpdate,
  RecordLinkRecord,
  RosterChanges,
  SessionRecord,
  StoragePort,
  StoredDocument,
} from './port.js';
import { MIGRATE_UPLOADS_TO_CHUNKS, PostgresUploads } from './postgresUploads.js';

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

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const bytes = (value: unknown): Uint8Array => {
  const buffer = value as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

const toSession = (r: Row): SessionRecord => ({
  sessionId: r.session_id as string,
  title: r.title as string,
  protocol: (r.protocol as string | null) ?? null,
  inviteCode: r.invite_code as string,
  createdAt: num(r.created_at),
  customProtocol: r.custom_protocol === null ? null : (JSON.parse(r.custom_protocol as string) as unknown),
});
const toParticipant = (r: Row): ParticipantRecord => ({
  participantId: r.participant_id as string,
  sessionId: r.session_id as string,
  name: r.name as string,
  role: r.role as SessionRole,
  joinedAt: num(r.joined_at),
  organization: (r.organization as string | null) ?? null,
  systemRole: (r.system_role as string | null) ?? null,
  rostered: r.rostered === true,
});
const toRecordLink = (r: Row): RecordLinkRecord => ({
  linkId: r.link_id as string,
  sessionId: r.session_id as string,
  options: JSON.parse(r.options as string) as unknown,
  createdBy: r.created_by as string,
  createdAt: num(r.created_at),
  revokedAt: r.revoked_at === null ? null : num(r.revoked_at),
});
const toHistory = (r: Row): HistorySnapshotRecord => ({
  snapshotId: num(r.snapshot_id),
  sessionId: r.session_id as string,
  docName: r.doc_name as string,
  label: JSON.parse(r.label as string) as unknown,
  createdAt: num(r.created_at),
  bytes: num(r.bytes),
});

/** Thrown when the database cannot be used; the message says what to do. */
export class PostgresStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PostgresStartError';
  }
}

/**
 * Connects to `connectionString`, creates or migrates the schema (in `schema`, default `public`)
 * and returns the store. Rejects with a clear message when the database is unreachable or newer.
 */
export async function openPostgresStorage(connectionString: string, options: { schema?: string; poolSize?: number } = {}): Promise<PostgresStorage> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new PostgresStartError(`schema name "${schema}" must be lowercase letters, digits and underscores`);
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000, options: `-c search_path=${schema}` });
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
    throw new PostgresStartError(`cannot use the database at DATABASE_URL (${reason}); check that PostgreSQL is running and the URL, user and database are right`, { cause: error });
  }
  return new PostgresStorage(pool);
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
      throw new PostgresStartError(`The database was written by a newer Worktable (schema ${version}, this one knows ${MIGRATIONS.length}); upgrade the server.`);
    }
    for (; version < target; version++) await client.query(MIGRATIONS[version] as string);
    await client.query('UPDATE worktable_schema SET version = $1', [version]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The storage port on a PostgreSQL pool. */
export class PostgresStorage implements StoragePort {
  readonly engine = 'postgres';
  readonly uploads: PostgresUploads;

  constructor(private readonly pool: pg.Pool) {
    this.uploads = new PostgresUploads(pool, (work) => this.transaction(work));
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
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

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async createSession(session: SessionRecord, host: ParticipantRecord): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO sessions (session_id, title, protocol, custom_protocol, invite_code, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        session.sessionId,
        session.title,
        session.protocol,
        session.customProtocol === null || session.customProtocol === undefined ? null : JSON.stringify(session.customProtocol),
        session.inviteCode,
        session.createdAt,
      ]);
      await this.insertParticipant(client, host);
    });
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM sessions WHERE session_id = $1', [sessionId]);
    return rows[0] ? toSession(rows[0] as Row) : null;
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    await this.insertParticipant(this.pool, participant);
  }

  private async insertParticipant(db: pg.Pool | pg.PoolClient, p: ParticipantRecord): Promise<void> {
    await db.query('INSERT INTO participants (participant_id, session_id, name, role, joined_at, organization, system_role, rostered) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      p.participantId,
      p.sessionId,
      p.name,
      p.role,
      p.joinedAt,
      p.organization ?? null,
      p.systemRole ?? null,
      p.rostered === true,
    ]);
  }

  async saveRoster(sessionId: string, changes: RosterChanges): Promise<void> {
    await this.transaction(async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM sessions WHERE session_id = $1', [sessionId]);
      if (rowCount !== 1) throw new Error(`unknown session ${sessionId}`);
      for (const p of changes.add) await this.insertParticipant(client, { ...p, sessionId, rostered: true });
      for (const u of changes.update) {
        const updated = await client.query('UPDATE participants SET name = $1, organization = $2, system_role = $3, rostered = TRUE WHERE session_id = $4 AND participant_id = $5', [
          u.name,
          u.organization,
          u.systemRole,
          sessionId,
          u.participantId,
        ]);
        if (updated.rowCount !== 1) throw new Error(`no participant ${u.participantId} in session ${sessionId}`);
      }
    });
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM participants WHERE session_id = $1 AND participant_id = $2', [sessionId, participantId]);
    return rows[0] ? toParticipant(rows[0] as Row) : null;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM participants WHERE session_id = $1 ORDER BY joined_at, seq', [sessionId]);
    return rows.map((r) => toParticipant(r as Row));
  }

  async setInviteCode(sessionId: string, inviteCode: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE sessions SET invite_code = $1 WHERE session_id = $2', [inviteCode, sessionId]);
    return rowCount === 1;
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM participants WHERE session_id = $1 AND participant_id = $2', [sessionId, participantId]);
    return rowCount === 1;
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    const prefix = `${sessionId}/`;
    return this.transaction(async (client) => {
      await client.query('DELETE FROM doc_updates WHERE starts_with(doc_key, $1)', [prefix]);
      await client.query('DELETE FROM doc_snapshots WHERE starts_with(doc_key, $1)', [prefix]);
      for (const table of ['upload_chunks', 'upload_drafts', 'uploads', 'doc_history', 'control_states', 'record_links', 'participants']) await client.query(`DELETE FROM ${table} WHERE session_id = $1`, [sessionId]);
      const { rowCount } = await client.query('DELETE FROM sessions WHERE session_id = $1', [sessionId]);
      return rowCount === 1;
    });
  }

  async loadDocument(docKey: string): Promise<StoredDocument> {
    // One snapshot-consistent read of the snapshot and the log (REPEATABLE READ).
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshotRows = await client.query('SELECT snapshot FROM doc_snapshots WHERE doc_key = $1', [docKey]);
      const updateRows = await client.query('SELECT data FROM doc_updates WHERE doc_key = $1 ORDER BY seq', [docKey]);
      await client.query('COMMIT');
      const snapshot = snapshotRows.rows[0] ? bytes((snapshotRows.rows[0] as Row).snapshot) : null;
      const updates = updateRows.rows.map((r) => bytes((r as Row).data));
      let total = snapshot?.byteLength ?? 0;
      for (const u of updates) total += u.byteLength;
      return { snapshot, updates, bytes: total };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const now = Date.now();
    const values: unknown[] = [];
    const tuples = batch.map(({ docKey, update }, i) => {
      values.push(docKey, Buffer.from(update.buffer, update.byteOffset, update.byteLength), now);
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    // One statement, one transaction: the batch is committed as a whole, in order.
    await this.pool.query(`INSERT INTO doc_updates (doc_key, data, created_at) VALUES ${tuples.join(', ')}`, values);
  }

  async compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [docKey]);
      const snapshotRows = await client.query('SELECT snapshot FROM doc_snapshots WHERE doc_key = $1', [docKey]);
      const updateRows = await client.query('SELECT seq, data FROM doc_updates WHERE doc_key = $1 ORDER BY seq', [docKey]);
      const snapshot = snapshotRows.rows[0] ? bytes((snapshotRows.rows[0] as Row).snapshot) : null;
      const last = updateRows.rows.at(-1) as Row | undefined;
      if (!last) return { mergedUpdates: 0, snapshotBytes: snapshot?.byteLength ?? 0, logUpdates: 0, logBytes: 0 };
      const merged = await merge(
        snapshot,
        updateRows.rows.map((r) => bytes((r as Row).data)),
      );
      await client.query(
        `INSERT INTO doc_snapshots (doc_key, snapshot, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (doc_key) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        [docKey, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength), Date.now()],
      );
      await client.query('DELETE FROM doc_updates WHERE doc_key = $1 AND seq <= $2', [docKey, last.seq]);
      const log = await client.query('SELECT COUNT(*)::int AS updates, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes FROM doc_updates WHERE doc_key = $1', [docKey]);
      const size = log.rows[0] as { updates: number; bytes: string } | undefined;
      return { mergedUpdates: updateRows.rows.length, snapshotBytes: merged.byteLength, logUpdates: size?.updates ?? 0, logBytes: Number(size?.bytes ?? 0) };
    });
  }

  async replaceControlState(sessionId: string, status: string, state: unknown, version: number, expected: number | null): Promise<boolean> {
    const json = JSON.stringify(state);
    const now = Date.now();
    if (expected === null) {
      const inserted = await this.pool.query(
        'INSERT INTO control_states (session_id, status, state, updated_at, version) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (session_id) DO NOTHING',
        [sessionId, status, json, now, version],
      );
      if (inserted.rowCount === 1) return true;
    }
    const updated = await this.pool.query('UPDATE control_states SET status = $1, state = $2, updated_at = $3, version = $4 WHERE session_id = $5 AND version IS NOT DISTINCT FROM $6', [
      status,
      json,
      now,
      version,
      sessionId,
      expected,
    ]);
    return updated.rowCount === 1;
  }

  async loadControlState(sessionId: string): Promise<unknown> {
    const { rows } = await this.pool.query('SELECT state FROM control_states WHERE session_id = $1', [sessionId]);
    return rows[0] ? (JSON.parse((rows[0] as Row).state as string) as unknown) : null;
  }

  async listActiveControlStates(): Promise<{ sessionId: string; state: unknown }[]> {
    const { rows } = await this.pool.query("SELECT session_id, state FROM control_states WHERE status IN ('running', 'paused')");
    return rows.map((r) => ({ sessionId: (r as Row).session_id as string, state: JSON.parse((r as Row).state as string) as unknown }));
  }

  async saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number> {
    const { sessionId, docName, label, state, createdAt } = snapshot;
    const { rows } = await this.pool.query('INSERT INTO doc_history (session_id, doc_name, label, state, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING snapshot_id', [
      sessionId,
      docName,
      JSON.stringify(label),
      Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      createdAt,
    ]);
    return num((rows[0] as Row).snapshot_id);
  }

  async listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]> {
    const columns = 'snapshot_id, session_id, doc_name, label, created_at, octet_length(state) AS bytes';
    const { rows } =
      docName === undefined
        ? await this.pool.query(`SELECT ${columns} FROM doc_history WHERE session_id = $1 ORDER BY snapshot_id`, [sessionId])
        : await this.pool.query(`SELECT ${columns} FROM doc_history WHERE session_id = $1 AND doc_name = $2 ORDER BY snapshot_id`, [sessionId, docName]);
    return rows.map((r) => toHistory(r as Row));
  }

  async loadHistorySnapshot(sessionId: string, snapshotId: number): Promise<{ record: HistorySnapshotRecord; state: Uint8Array } | null> {
    const { rows } = await this.pool.query(
      'SELECT snapshot_id, session_id, doc_name, label, created_at, octet_length(state) AS bytes, state FROM doc_history WHERE snapshot_id = $1 AND session_id = $2',
      [snapshotId, sessionId],
    );
    const row = rows[0] as Row | undefined;
    return row ? { record: toHistory(row), state: bytes(row.state) } : null;
  }

  async createRecordLink(link: RecordLinkRecord): Promise<void> {
    await this.pool.query('INSERT INTO record_links (link_id, session_id, options, created_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      link.linkId,
      link.sessionId,
      JSON.stringify(link.options),
      link.createdBy,
      link.createdAt,
      link.revokedAt,
    ]);
  }

  async getRecordLink(linkId: string): Promise<RecordLinkRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM record_links WHERE link_id = $1', [linkId]);
    return rows[0] ? toRecordLink(rows[0] as Row) : null;
  }

  async listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM record_links WHERE session_id = $1 ORDER BY created_at DESC, seq DESC', [sessionId]);
    return rows.map((r) => toRecordLink(r as Row));
  }

  async revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE record_links SET revoked_at = $1 WHERE session_id = $2 AND link_id = $3 AND revoked_at IS NULL', [at, sessionId, linkId]);
    return rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
