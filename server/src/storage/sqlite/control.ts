/**
 * Each session's control state in the SQLite store, replaced compare and set on its version.
 */
import type Database from 'better-sqlite3';
import type { ControlStore } from '../port.js';

/** The control part of the SQLite storage port. */
export class SqliteControl implements ControlStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      getControl: db.prepare<[string], { state: string }>('SELECT state FROM control_states WHERE session_id = ?'),
      insertControlIfNone: db.prepare(
        'INSERT INTO control_states (session_id, status, state, updated_at, version) VALUES (?, ?, ?, ?, ?) ON CONFLICT(session_id) DO NOTHING',
      ),
      replaceControlAt: db.prepare(
        'UPDATE control_states SET status = ?, state = ?, updated_at = ?, version = ? WHERE session_id = ? AND version IS ?',
      ),
      listActiveControl: db.prepare<[], { session_id: string; state: string }>(
        "SELECT session_id, state FROM control_states WHERE status IN ('running', 'paused')",
      ),
    };
  }

  async replaceControlState(sessionId: string, status: string, state: unknown, version: number, expected: number | null): Promise<boolean> {
    const json = JSON.stringify(state);
    const now = Date.now();
    if (expected === null && this.statements.insertControlIfNone.run(sessionId, status, json, now, version).changes === 1) return true;
    return this.statements.replaceControlAt.run(status, json, now, version, sessionId, expected).changes === 1;
  }

  async loadControlState(sessionId: string): Promise<unknown> {
    const row = this.statements.getControl.get(sessionId);
    return row ? (JSON.parse(row.state) as unknown) : null;
  }

  async listActiveControlStates(): Promise<{ sessionId: string; state: unknown }[]> {
    return this.statements.listActiveControl.all().map((row) => ({ sessionId: row.session_id, state: JSON.parse(row.state) as unknown }));
  }
}
