/**
 * The storage port's record links: read-only links to a session's record.
 */

/** A read-only link to a session's record, as stored. */
export interface RecordLinkRecord {
  /** Random and unguessable: whoever has it may read the record. */
  linkId: string;
  sessionId: string;
  /** The options the record is rendered with, fixed when the link was made (JSON, see `RecordOptions`). */
  options: unknown;
  /** The host who made it. */
  createdBy: string;
  createdAt: number;
  /** When the host revoked it, or null while it works. */
  revokedAt: number | null;
}

/** Read-only links to a session's record. */
export interface RecordLinkStore {
  /** Stores a new record link. Rejects when the session is unknown or the link id is taken. */
  createRecordLink(link: RecordLinkRecord): Promise<void>;
  /** A record link by its id (of whichever session), revoked or not; null when unknown. */
  getRecordLink(linkId: string): Promise<RecordLinkRecord | null>;
  /** A session's record links, revoked ones too, newest first. */
  listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]>;
  /** Revokes a link of this session as of `at`; false (changing nothing) when unknown here or already revoked. */
  revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean>;
}
