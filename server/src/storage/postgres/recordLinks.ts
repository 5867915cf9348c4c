/**
 * Read-only links to a session's record in the PostgreSQL store.
 */
import type pg from 'pg';
import type { RecordLinkRecord, RecordLinkStore } from '../port.js';
import { type Row, toRecordLink } from './rows.js';

/** The record links part of the PostgreSQL storage port. */
export class PostgresRecordLinks implements RecordLinkStore {
  constructor(private readonly pool: pg.Pool) {}

  async createRecordLink(link: RecordLinkRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO record_links (link_id, session_id, options, created_by, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [link.linkId, link.sessionId, JSON.stringify(link.options), link.createdBy, link.createdAt, link.revokedAt],
    );
  }

  async getRecordLink(linkId: string): Promise<RecordLinkRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM record_links WHERE link_id = $1', [linkId]);
    return rows[0] ? toRecordLink(rows[0] as Row) : null;
  }

  async listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM record_links WHERE session_id = $1 ORDER BY created_at DESC, seq DESC', [
      sessionId,
    ]);
    return rows.map((r) => toRecordLink(r as Row));
  }

  async revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE record_links SET revoked_at = $1 WHERE session_id = $2 AND link_id = $3 AND revoked_at IS NULL',
      [at, sessionId, linkId],
    );
    return rowCount === 1;
  }
}
