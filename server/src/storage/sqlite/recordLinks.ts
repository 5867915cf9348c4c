/**
 * Read-only links to a session's record in the SQLite store.
 */
import type Database from 'better-sqlite3';
import type { RecordLinkRecord, RecordLinkStore } from '../port.js';
import { type RecordLinkRow, toRecordLink } from './rows.js';

/** The record links part of the SQLite storage port. */
export class SqliteRecordLinks implements RecordLinkStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertRecordLink: db.prepare(
        'INSERT INTO record_links (link_id, session_id, options, created_by, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getRecordLink: db.prepare<[string], RecordLinkRow>('SELECT * FROM record_links WHERE link_id = ?'),
      listRecordLinks: db.prepare<[string], RecordLinkRow>(
        'SELECT * FROM record_links WHERE session_id = ? ORDER BY created_at DESC, rowid DESC',
      ),
      revokeRecordLink: db.prepare('UPDATE record_links SET revoked_at = ? WHERE session_id = ? AND link_id = ? AND revoked_at IS NULL'),
    };
  }

  async createRecordLink(link: RecordLinkRecord): Promise<void> {
    this.statements.insertRecordLink.run(
      link.linkId,
      link.sessionId,
      JSON.stringify(link.options),
      link.createdBy,
      link.createdAt,
      link.revokedAt,
    );
  }

  async getRecordLink(linkId: string): Promise<RecordLinkRecord | null> {
    const row = this.statements.getRecordLink.get(linkId);
    return row ? toRecordLink(row) : null;
  }

  async listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]> {
    return this.statements.listRecordLinks.all(sessionId).map(toRecordLink);
  }

  async revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean> {
    return this.statements.revokeRecordLink.run(at, sessionId, linkId).changes === 1;
  }
}
