/**
 * Yjs documents in the PostgreSQL store: a snapshot and the log of updates after it. Updates are
 * appended in one statement per batch (group commit); a document is compacted under a per-document
 * advisory lock, so two nodes never compact one document at the same time.
 */
import type pg from 'pg';
import { viewBuffer } from '../byteViews.js';
import type { CompactionResult, DocumentStore, MergeDocument, PendingUpdate, StoredDocument } from '../port.js';
import { type Row, bytes } from './rows.js';
import { inTransaction } from './transaction.js';

/** The documents part of the PostgreSQL storage port. */
export class PostgresDocuments implements DocumentStore {
  constructor(private readonly pool: pg.Pool) {}

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
      values.push(docKey, viewBuffer(update), now);
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    // One statement, one transaction: the batch is committed as a whole, in order.
    await this.pool.query(`INSERT INTO doc_updates (doc_key, data, created_at) VALUES ${tuples.join(', ')}`, values);
  }

  async compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult> {
    return inTransaction(this.pool, async (client) => {
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
        [docKey, viewBuffer(merged), Date.now()],
      );
      await client.query('DELETE FROM doc_updates WHERE doc_key = $1 AND seq <= $2', [docKey, last.seq]);
      const log = await client.query(
        'SELECT COUNT(*)::int AS updates, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes FROM doc_updates WHERE doc_key = $1',
        [docKey],
      );
      const size = log.rows[0] as { updates: number; bytes: string } | undefined;
      return {
        mergedUpdates: updateRows.rows.length,
        snapshotBytes: merged.byteLength,
        logUpdates: size?.updates ?? 0,
        logBytes: Number(size?.bytes ?? 0),
      };
    });
  }
}
