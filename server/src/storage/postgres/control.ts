/**
 * Each session's control state in the PostgreSQL store, replaced compare and set on its version.
 */
import type pg from 'pg';
import type { ControlStore } from '../port.js';
import type { Row } from './rows.js';

/** The control part of the PostgreSQL storage port. */
export class PostgresControl implements ControlStore {
  constructor(private readonly pool: pg.Pool) {}

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
    const updated = await this.pool.query(
      'UPDATE control_states SET status = $1, state = $2, updated_at = $3, version = $4 WHERE session_id = $5 AND version IS NOT DISTINCT FROM $6',
      [status, json, now, version, sessionId, expected],
    );
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
}
