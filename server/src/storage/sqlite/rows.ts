/**
 * Rows of the SQLite store as the port's records: the column types better-sqlite3 returns, and
 * the mapping of each to its record (JSON columns parsed, integer flags as booleans).
 */
import type { SessionRole } from '@worktable/shared';
import type { HistorySnapshotRecord, ParticipantRecord, RecordLinkRecord, SessionRecord } from '../port.js';

/** A row of `sessions`. */
export interface SessionRow {
  session_id: string;
  title: string;
  protocol: string | null;
  invite_code: string;
  created_at: number;
  custom_protocol: string | null;
}
/** A row of `participants`. */
export interface ParticipantRow {
  participant_id: string;
  session_id: string;
  name: string;
  role: string;
  joined_at: number;
  organization: string | null;
  system_role: string | null;
  rostered: number;
}
/** The session a row holds. */
export const toSession = (r: SessionRow): SessionRecord => ({
  sessionId: r.session_id,
  title: r.title,
  protocol: r.protocol,
  inviteCode: r.invite_code,
  createdAt: r.created_at,
  customProtocol: r.custom_protocol === null ? null : (JSON.parse(r.custom_protocol) as unknown),
});
/** The participant a row holds. */
export const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  participantId: r.participant_id,
  sessionId: r.session_id,
  name: r.name,
  role: r.role as SessionRole,
  joinedAt: r.joined_at,
  organization: r.organization,
  systemRole: r.system_role,
  rostered: r.rostered === 1,
});

/** A row of `doc_history` without its state, with the state's length as `bytes`. */
export interface HistoryRow {
  snapshot_id: number;
  session_id: string;
  doc_name: string;
  label: string;
  created_at: number;
  bytes: number;
}
/** The history snapshot record a row holds. */
export const toHistory = (r: HistoryRow): HistorySnapshotRecord => ({
  snapshotId: r.snapshot_id,
  sessionId: r.session_id,
  docName: r.doc_name,
  label: JSON.parse(r.label) as unknown,
  createdAt: r.created_at,
  bytes: r.bytes,
});

/** A row of `record_links`. */
export interface RecordLinkRow {
  link_id: string;
  session_id: string;
  options: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}
/** The record link a row holds. */
export const toRecordLink = (r: RecordLinkRow): RecordLinkRecord => ({
  linkId: r.link_id,
  sessionId: r.session_id,
  options: JSON.parse(r.options) as unknown,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});
