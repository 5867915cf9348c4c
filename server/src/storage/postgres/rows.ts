/**
 * Rows of the PostgreSQL store as the port's records: node-postgres returns untyped rows, BIGINT
 * columns as strings and BYTEA as Buffers; each mapper reads one table's row into its record.
 */
import type { SessionRole } from '@worktable/shared';
import { viewBytes } from '../byteViews.js';
import type { HistorySnapshotRecord, ParticipantRecord, RecordLinkRecord, SessionRecord } from '../port.js';

/** A row as node-postgres returns it. */
export type Row = Record<string, unknown>;

/** A BIGINT (a string) or INTEGER column as a number. */
export const num = (value: unknown): number => Number(value);
/** A BYTEA column as bytes (a view of its Buffer). */
export const bytes = (value: unknown): Uint8Array => viewBytes(value as Buffer);

/** The session a row holds. */
export const toSession = (r: Row): SessionRecord => ({
  sessionId: r.session_id as string,
  title: r.title as string,
  protocol: (r.protocol as string | null) ?? null,
  inviteCode: r.invite_code as string,
  createdAt: num(r.created_at),
  customProtocol: r.custom_protocol === null ? null : (JSON.parse(r.custom_protocol as string) as unknown),
});
/** The participant a row holds. */
export const toParticipant = (r: Row): ParticipantRecord => ({
  participantId: r.participant_id as string,
  sessionId: r.session_id as string,
  name: r.name as string,
  role: r.role as SessionRole,
  joinedAt: num(r.joined_at),
  organization: (r.organization as string | null) ?? null,
  systemRole: (r.system_role as string | null) ?? null,
  rostered: r.rostered === true,
});
/** The record link a row holds. */
export const toRecordLink = (r: Row): RecordLinkRecord => ({
  linkId: r.link_id as string,
  sessionId: r.session_id as string,
  options: JSON.parse(r.options as string) as unknown,
  createdBy: r.created_by as string,
  createdAt: num(r.created_at),
  revokedAt: r.revoked_at === null ? null : num(r.revoked_at),
});
/** The history snapshot record a row holds (its state's length as `bytes`). */
export const toHistory = (r: Row): HistorySnapshotRecord => ({
  snapshotId: num(r.snapshot_id),
  sessionId: r.session_id as string,
  docName: r.doc_name as string,
  label: JSON.parse(r.label as string) as unknown,
  createdAt: num(r.created_at),
  bytes: num(r.bytes),
});
