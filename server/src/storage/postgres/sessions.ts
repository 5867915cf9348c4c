/**
 * Sessions and their people in the PostgreSQL store: sessions, participants and rosters, invite
 * codes, and the deletion of a session with everything of it.
 */
import type pg from 'pg';
import type { ParticipantRecord, RosterChanges, SessionRecord, SessionStore } from '../port.js';
import { type Row, toParticipant, toSession } from './rows.js';
import { inTransaction } from './transaction.js';

/** The sessions part of the PostgreSQL storage port. */
export class PostgresSessions implements SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createSession(session: SessionRecord, host: ParticipantRecord): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO sessions (session_id, title, protocol, custom_protocol, invite_code, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          session.sessionId,
          session.title,
          session.protocol,
          session.customProtocol === null || session.customProtocol === undefined ? null : JSON.stringify(session.customProtocol),
          session.inviteCode,
          session.createdAt,
        ],
      );
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
    await db.query(
      'INSERT INTO participants (participant_id, session_id, name, role, joined_at, organization, system_role, rostered) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [p.participantId, p.sessionId, p.name, p.role, p.joinedAt, p.organization ?? null, p.systemRole ?? null, p.rostered === true],
    );
  }

  async saveRoster(sessionId: string, changes: RosterChanges): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM sessions WHERE session_id = $1', [sessionId]);
      if (rowCount !== 1) throw new Error(`unknown session ${sessionId}`);
      for (const p of changes.add) await this.insertParticipant(client, { ...p, sessionId, rostered: true });
      for (const u of changes.update) {
        const updated = await client.query(
          'UPDATE participants SET name = $1, organization = $2, system_role = $3, rostered = TRUE WHERE session_id = $4 AND participant_id = $5',
          [u.name, u.organization, u.systemRole, sessionId, u.participantId],
        );
        if (updated.rowCount !== 1) throw new Error(`no participant ${u.participantId} in session ${sessionId}`);
      }
    });
  }

  async getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM participants WHERE session_id = $1 AND participant_id = $2', [
      sessionId,
      participantId,
    ]);
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
    const { rowCount } = await this.pool.query('DELETE FROM participants WHERE session_id = $1 AND participant_id = $2', [
      sessionId,
      participantId,
    ]);
    return rowCount === 1;
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    const prefix = `${sessionId}/`;
    return inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM doc_updates WHERE starts_with(doc_key, $1)', [prefix]);
      await client.query('DELETE FROM doc_snapshots WHERE starts_with(doc_key, $1)', [prefix]);
      for (const table of ['upload_chunks', 'upload_drafts', 'uploads', 'doc_history', 'control_states', 'record_links', 'participants'])
        await client.query(`DELETE FROM ${table} WHERE session_id = $1`, [sessionId]);
      const { rowCount } = await client.query('DELETE FROM sessions WHERE session_id = $1', [sessionId]);
      return rowCount === 1;
    });
  }
}
