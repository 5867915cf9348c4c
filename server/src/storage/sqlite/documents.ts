/**
 * Yjs documents in the SQLite store: a snapshot and the log of updates after it. The group commit
 * of updates runs on a worker thread (`SqliteAppender`) with its own connection, or on this one
 * when there is no worker (an in-memory database, or after the worker died).
 */
import type Database from 'better-sqlite3';
import { viewBytes } from '../byteViews.js';
import type { CompactionResult, DocumentStore, MergeDocument, PendingUpdate, StoredDocument } from '../port.js';
import { INSERT_UPDATE_SQL, SqliteAppendError, SqliteAppender } from '../sqliteAppender.js';

/** The documents part of the SQLite storage port. */
export class SqliteDocuments implements DocumentStore {
  private readonly statements;
  /** One transaction per batch on this connection: the group commit when there is no worker. */
  private readonly appendBatch: (batch: readonly PendingUpdate[], now: number) => void;
  /** The worker that appends (started at the first append; none for an in-memory database). */
  private appender: SqliteAppender | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      getSnapshot: db.prepare<[string], { snapshot: Buffer }>('SELECT snapshot FROM doc_snapshots WHERE doc_key = ?'),
      getUpdates: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_key = ? ORDER BY seq'),
      insertUpdate: db.prepare(INSERT_UPDATE_SQL),
      upsertSnapshot: db.prepare(
        `INSERT INTO doc_snapshots (doc_key, snapshot, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(doc_key) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
      ),
      deleteUpdatesThrough: db.prepare('DELETE FROM doc_updates WHERE doc_key = ? AND seq <= ?'),
      getSeqsThrough: db
        .prepare<[string, number], number>('SELECT seq FROM doc_updates WHERE doc_key = ? AND seq <= ? ORDER BY seq')
        .pluck(),
      getSnapshotSize: db.prepare<[string], number>('SELECT LENGTH(snapshot) FROM doc_snapshots WHERE doc_key = ?').pluck(),
      getLogSize: db.prepare<[string], { updates: number; bytes: number }>(
        'SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE doc_key = ?',
      ),
    };
    const insertUpdate = this.statements.insertUpdate;
    this.appendBatch = db.transaction((batch: readonly PendingUpdate[], now: number) => {
      for (const { docKey, update } of batch) insertUpdate.run(docKey, update, now);
    });
  }

  async loadDocument(docKey: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snapshot = this.statements.getSnapshot.get(docKey)?.snapshot ?? null;
      const updates = this.statements.getUpdates.all(docKey).map((row) => viewBytes(row.data));
      let bytes = snapshot?.byteLength ?? 0;
      for (const u of updates) bytes += u.byteLength;
      return { snapshot: snapshot ? viewBytes(snapshot) : null, updates, bytes };
    })();
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const now = Date.now();
    if (!this.db.memory && this.db.open) {
      this.appender ??= new SqliteAppender(this.db.name);
      if (this.appender.alive) {
        try {
          return await this.appender.append(batch, now);
        } catch (error) {
          // SQLite refused the batch (disk full, …): the caller keeps it and retries.
          if (error instanceof SqliteAppendError) throw error;
          // The worker died: append here from now on. Had it committed this batch before dying, the
          // log holds it twice, which loading and compaction absorb (applying an update is idempotent).
        }
      }
    }
    this.appendBatch(batch, now);
  }

  /**
   * Reads the snapshot and log in one read transaction, merges them (possibly on another thread:
   * no transaction is held meanwhile, appends go on), then writes the snapshot and deletes the
   * merged entries in one write transaction — if the log still holds exactly those entries.
   */
  async compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult> {
    const { snapshot, rows } = this.db
      .transaction(() => ({
        snapshot: this.statements.getSnapshot.get(docKey)?.snapshot ?? null,
        rows: this.statements.getUpdates.all(docKey),
      }))
      .deferred();
    const last = rows.at(-1);
    if (!last) return { mergedUpdates: 0, snapshotBytes: snapshot?.byteLength ?? 0, logUpdates: 0, logBytes: 0 };
    const merged = await merge(
      snapshot ? viewBytes(snapshot) : null,
      rows.map((r) => viewBytes(r.data)),
    );
    return this.db
      .transaction(() => {
        const present = this.statements.getSeqsThrough.all(docKey, last.seq);
        const intact = present.length === rows.length && present.every((seq, i) => seq === rows[i]?.seq);
        if (intact) {
          this.statements.upsertSnapshot.run(docKey, merged, Date.now());
          this.statements.deleteUpdatesThrough.run(docKey, last.seq);
        }
        const log = this.statements.getLogSize.get(docKey) ?? { updates: 0, bytes: 0 };
        return {
          mergedUpdates: intact ? rows.length : 0,
          snapshotBytes: intact ? merged.byteLength : (this.statements.getSnapshotSize.get(docKey) ?? 0),
          logUpdates: log.updates,
          logBytes: log.bytes,
        };
      })
      .immediate();
  }

  /** Stops the appending worker, if one was started (its last batch committed first). */
  async close(): Promise<void> {
    await this.appender?.close();
  }
}
