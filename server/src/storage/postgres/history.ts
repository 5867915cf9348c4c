/**
 * Labelled history snapshots of documents in the PostgreSQL store.
 */
import type pg from 'pg';
import { viewBuffer } from '../byteViews.js';
import type { HistorySnapshotInput, HistorySnapshotRecord, HistoryStore } from '../port.js';
import { type Row, bytes, num, toHistory } from './rows.js';

/** The history part of the PostgreSQL storage port. */
export class PostgresHistory implements HistoryStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number> {
    const { sessionId, docName, label, state, createdAt } = snapshot;
    const { rows } = await this.pool.query(
      'INSERT INTO doc_history (session_id, doc_name, label, state, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING snapshot_id',
      [sessionId, docName, JSON.stringify(label), viewBuffer(state), createdAt],
    );
    return num((rows[0] as Row).snapshot_id);
  }

  async listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]> {
    const columns = 'snapshot_id, session_id, doc_name, label, created_at, octet_length(state) AS bytes';
    const { rows } =
      docName === undefined
        ? await this.pool.query(`SELECT ${columns} FROM doc_history WHERE session_id = $1 ORDER BY snapshot_id`, [sessionId])
        : await this.pool.query(`SELECT ${columns} FROM doc_history WHERE session_id = $1 AND doc_name = $2 ORDER BY snapshot_id`, [
            sessionId,
            docName,
          ]);
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
}
