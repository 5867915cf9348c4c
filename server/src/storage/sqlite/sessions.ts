/**
 * Sessions and their people in the SQLite store: sessions, participants and rosters, invite codes,
 * and the deletion of a session with everything of it.
 */
import type Database from 'better-sqlite3';
import type { ParticipantRecord, RosterChanges, SessionRecord, SessionStore } from '../port.js';
import { type ParticipantRow, type SessionRow, toParticipant, toSession } from './rows.js';

/** The sessions part of the SQLite storage port; its write transactions take the write lock when they begin. */
export class SqliteSessions implements SessionStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertSession: db.prepare(
        'INSERT INTO sessions (session_id, title, protocol, invite_code, created_at, custom_protocol) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE session_id = ?'),
      insertParticipant: db.prepare(
        'INSERT INTO participants (participant_id, session_id, name, role, joined_at, organization, system_role, rostered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      updateRostered: db.prepare(
        'UPDATE participants SET name = ?, organization = ?, system_role = ?, rostered = 1 WHERE session_id = ? AND participant_id = ?',
      ),
      getParticipant: db.prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE session_id = ? AND participant_id = ?',
      ),
      listParticipants: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, rowid'),
    };
  }

  async createSession(session: SessionRecord, host: ParticipantRecord): Promise<void> {
    this.db
      .transaction(() => {
        this.statements.insertSession.run(
          session.sessionId,
          session.title,
          session.protocol,
          session.inviteCode,
          session.createdAt,
          session.customProtocol === null || session.customProtocol === undefined ? null : JSON.stringify(session.customProtocol),
        );
        this.insertParticipant(host);
      })
      .immediate();
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    const row = this.statements.getSession.get(sessionId);
    return row ? toSession(row) : null;
  }

  async addParticipant(participant: ParticipantRecord): Promise<void> {
    this.insertParticipant(participant);
  }

  private insertParticipant(p: ParticipantRecord): void {
    this.statements.insertParticipant.run(
      p.participantId,
      p.sessionId,
      p.name,
      p.role,
      p.joinedAt,
      p.organization ?? null,
      p.systemRole ?? null,
      p.rostered ? 1 : 0,
    );
  }

  async saveRoster(sessionId: string, changes: RosterChanges): Promise<void> {
    this.db
      .transaction(() => {
        if (!this.statements.getSession.get(sessionId)) throw new Error(`unknown session ${sessionId}`);
        for (const p of changes.add) this.insertParticipant({ ...p, sessionId, rostered: true });
        for (const u of changes.update) {
          const { changes: updated } = this.statements.updateRostered.run(u.name, u.organization, u.systemRole, sessionId, u.participantId);
          if (updated !== 1) throw new Error(`no participant ${u.participantId} in session ${sessionId}`);
        }
      })
      .immediate();
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    const row = this.statements.getParticipant.get(sessionId, participantId);
    return row ? toParticipant(row) : null;
  }

  async listParticipants(sessionId: string): Promise<ParticipantRecord[]> {
    return this.statements.listParticipants.all(sessionId).map(toParticipant);
  }

  async setInviteCode(sessionId: string, inviteCode: string): Promise<boolean> {
    return this.db.prepare('UPDATE sessions SET invite_code = ? WHERE session_id = ?').run(inviteCode, sessionId).changes === 1;
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM participants WHERE session_id = ? AND participant_id = ?').run(sessionId, participantId).changes === 1
    );
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    const prefix = `${sessionId}/`;
    return this.db
      .transaction(() => {
        const docs = 'substr(doc_key, 1, length(?)) = ?';
        this.db.prepare(`DELETE FROM doc_updates WHERE ${docs}`).run(prefix, prefix);
        this.db.prepare(`DELETE FROM doc_snapshots WHERE ${docs}`).run(prefix, prefix);
        for (const table of ['upload_chunks', 'upload_drafts', 'uploads', 'doc_history', 'control_states', 'record_links', 'participants'])
          this.db.prepare(`DELETE FROM ${table} WHERE session_id = ?`).run(sessionId);
        return this.db.prepare('DELETE FROM sessions WHERE session_id = ?').run(sessionId).changes === 1;
      })
      .immediate();
  }
}
