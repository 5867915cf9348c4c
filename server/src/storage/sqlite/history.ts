/**
 * Labelled history snapshots of documents in the SQLite store.
 */
import type Database from 'better-sqlite3';
import { viewBytes } from '../byteViews.js';
import type { HistorySnapshotInput, HistorySnapshotRecord, HistoryStore } from '../port.js';
import { type HistoryRow, toHistory } from './rows.js';

/** The history part of the SQLite storage port. */
export class SqliteHistory implements HistoryStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertHistory: db.prepare('INSERT INTO doc_history (session_id, doc_name, label, state, created_at) VALUES (?, ?, ?, ?, ?)'),
      listHistory: db.prepare<[string], HistoryRow>(
        'SELECT snapshot_id, session_id, doc_name, label, created_at, length(state) AS bytes FROM doc_history WHERE session_id = ? ORDER BY snapshot_id',
      ),
      listDocHistory: db.prepare<[string, string], HistoryRow>(
        'SELECT snapshot_id, session_id, doc_name, label, created_at, length(state) AS bytes FROM doc_history WHERE session_id = ? AND doc_name = ? ORDER BY snapshot_id',
      ),
      getHistory: db.prepare<[number, string], HistoryRow & { state: Buffer }>(
        'SELECT snapshot_id, session_id, doc_name, label, created_at, length(state) AS bytes, state FROM doc_history WHERE snapshot_id = ? AND session_id = ?',
      ),
    };
  }

  async saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number> {
    const { sessionId, docName, label, state, createdAt } = snapshot;
    return Number(this.statements.insertHistory.run(sessionId, docName, JSON.stringify(label), state, createdAt).lastInsertRowid);
  }

  async listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]> {
    const rows =
      docName === undefined ? this.statements.listHistory.all(sessionId) : this.statements.listDocHistory.all(sessionId, docName);
    return rows.map(toHistory);
  }

  async loadHistorySnapshot(sessionId: string, snapshotId: number): Promise<{ record: HistorySnapshotRecord; state: Uint8Array } | null> {
    const row = this.statements.getHistory.get(snapshotId, sessionId);
    return row ? { record: toHistory(row), state: viewBytes(row.state) } : null;
  }
}
