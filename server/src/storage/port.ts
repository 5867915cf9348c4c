/**
 * The storage port: everything the server keeps durably goes through this interface. SQLite is
 * the embedded default; a Postgres adapter (issue #7) must pass the same contract suite
 * (`contractSuite.ts`).
 */
import type { SessionRole } from '@worktable/shared';

/** A session as stored. */
export interface SessionRecord {
  sessionId: string;
  title: string;
  protocol: string | null;
  /** A protocol definition the host brought (validated JSON), used instead of a built-in. */
  customProtocol: unknown;
  inviteCode: string;
  createdAt: number;
}

/** A participant as stored. */
export interface ParticipantRecord {
  participantId: string;
  sessionId: string;
  name: string;
  role: SessionRole;
  joinedAt: number;
  /** Where they work, if they said (used to mix tables across organizations). */
  organization?: string | null;
  /** Their role in their system, e.g. "teacher", "district leader", if they said. */
  systemRole?: string | null;
  /** Added from the host's roster (expected before they arrive) rather than by joining. */
  rostered?: boolean;
}

/** What a roster import changes of someone already in the session. */
export type RosterUpdate = Pick<ParticipantRecord, 'participantId' | 'name'> & { organization: string | null; systemRole: string | null };

/** A roster import: people new to the session, and people already in it to update (both end up rostered). */
export interface RosterChanges {
  add: ParticipantRecord[];
  update: RosterUpdate[];
}

/** A history snapshot to keep. */
export interface HistorySnapshotInput {
  sessionId: string;
  docName: string;
  /** What the snapshot is of (JSON): protocol, phase, round, roles… */
  label: unknown;
  /** The document's full state as one Yjs update. */
  state: Uint8Array;
  createdAt: number;
}

/** A kept history snapshot, without its state. */
export interface HistorySnapshotRecord {
  snapshotId: number;
  sessionId: string;
  docName: string;
  label: unknown;
  createdAt: number;
  bytes: number;
}

/** One Yjs update waiting to be appended to a document's log. */
export interface PendingUpdate {
  docKey: string;
  update: Uint8Array;
}

/** A document's stored state: its last snapshot plus the log appended since, in order. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sum of the byte lengths of the snapshot and the log. */
  bytes: number;
}

/**
 * Merges a snapshot and the log after it into a single new snapshot (pure). It may answer later
 * (the server merges on a worker thread: a large document takes tens of milliseconds).
 */
export type MergeDocument = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array | Promise<Uint8Array>;

/** What a compaction did. */
export interface CompactionResult {
  /** Log entries folded into the snapshot and deleted. */
  mergedUpdates: number;
  /** Size of the new snapshot (equal to the old one when there was nothing to merge). */
  snapshotBytes: number;
  /** Entries the log holds after it (appended while the merge ran, or not merged), and their bytes. */
  logUpdates: number;
  logBytes: number;
}

/** An uploaded file (image or PDF) of a session, as stored; its bytes are kept beside it, in chunks. */
export interface UploadRecord {
  uploadId: string;
  sessionId: string;
  /** The type sniffed from the content, e.g. `image/png`. */
  mime: string;
  /** Length of the bytes. */
  size: number;
  /** The original file name, cleaned, for display and downloads. */
  name: string;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  /** Participant who uploaded it. */
  createdBy: string;
  createdAt: number;
}

/**
 * The size of the chunks an upload's bytes are stored and read back in: chunk `i` holds bytes
 * `[i × UPLOAD_CHUNK_BYTES, (i + 1) × UPLOAD_CHUNK_BYTES)`. Small enough that storing or reading one
 * is a short step (about a millisecond on SQLite), so a large file never holds the event loop.
 * Stored data depends on it: changing it needs a migration of every stored upload.
 */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/**
 * An upload being stored: its bytes go in as they arrive and it becomes visible, whole, when
 * committed. One call at a time. A writer that fails or is abandoned is aborted by its caller;
 * should the process die instead, `UploadStore.removeAbandoned` clears what it left.
 */
export interface UploadWriter {
  /** Stores the next bytes, a chunk (its own short transaction) each time `UPLOAD_CHUNK_BYTES` have come. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Makes the upload visible with `record`, whose size must be the number of bytes written.
   * Rejects when it is not, or when the session was deleted meanwhile — having removed the chunks.
   */
  commit(record: UploadRecord): Promise<void>;
  /** Removes what was written; the upload never appears. Does nothing once committed or aborted. */
  abort(): Promise<void>;
}

/** Uploads, kept in chunks of `UPLOAD_CHUNK_BYTES`. */
export interface UploadStore {
  /**
   * Begins storing an upload; see `UploadWriter`. Rejects when the session is unknown or the
   * upload id is taken (by an upload stored or being stored).
   */
  begin(sessionId: string, uploadId: string): Promise<UploadWriter>;
  /** An upload's record, or null when unknown here (also when it belongs to another session, or is not committed yet). */
  getRecord(sessionId: string, uploadId: string): Promise<UploadRecord | null>;
  /** The uploads a session keeps (committed ones) and their bytes. */
  usage(sessionId: string): Promise<{ uploads: number; bytes: number }>;
  /** Chunk `index` of an upload's bytes, or null when it has none such. */
  readChunk(sessionId: string, uploadId: string, index: number): Promise<Uint8Array | null>;
  /**
   * Removes the uploads begun before `startedBefore` that were neither committed nor aborted (their
   * writer died with its process), with their chunks; resolves with how many there were.
   */
  removeAbandoned(startedBefore: number): Promise<number>;
}

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

/** Durable storage behind the server. Every method either completes fully or changes nothing. */
export interface StoragePort {
  /** Which engine this is, for health and metrics. */
  readonly engine: string;
  /** Resolves when storage answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;

  /** Stores a new session together with its host participant. */
  createSession(session: SessionRecord, host: ParticipantRecord): Promise<void>;
  /** The session, or null when unknown. */
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /** Adds a participant to an existing session. */
  addParticipant(participant: ParticipantRecord): Promise<void>;
  /** A participant of a session, or null. */
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** All participants of a session, in the order they joined. */
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  /**
   * Imports a roster in one transaction: adds the new people and updates the names, organizations
   * and system roles of the others, marking all of them rostered. Rejects, changing nothing, when
   * the session is unknown or an update names nobody of this session.
   */
  saveRoster(sessionId: string, changes: RosterChanges): Promise<void>;

  /** Replaces a session's invite code (the old one stops working at once); false when the session is unknown. */
  setInviteCode(sessionId: string, inviteCode: string): Promise<boolean>;
  /** Removes a participant from a session (their token stops working); false when unknown. */
  removeParticipant(sessionId: string, participantId: string): Promise<boolean>;
  /**
   * Deletes a session and everything of it: participants, documents (snapshots and logs of every
   * `<sessionId>/…` document), uploads (stored or being written, with their chunks), history,
   * control state, record links. False when unknown.
   */
  deleteSession(sessionId: string): Promise<boolean>;

  /** The stored state of a document (empty when it was never written). */
  loadDocument(docKey: string): Promise<StoredDocument>;
  /** Appends updates to their documents' logs, all in one transaction (group commit). */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<void>;
  /**
   * Folds a document's log into its snapshot atomically: the new snapshot is written and the
   * merged log entries deleted in one transaction, so a crash leaves either the old or the new state.
   * Entries appended while `merge` runs stay in the log. Should the log lose merged entries
   * meanwhile (a concurrent compaction, the session deleted), nothing is written and the result
   * says 0 merged.
   */
  compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult>;

  /** The uploads of every session, in storage shared by every node (not the local disk). */
  readonly uploads: UploadStore;

  /**
   * Stores a session's control state (protocol run: phase, deadline, roles) as JSON with its
   * `status` (so active runs can be found at start), compare and set: only if the stored one is at
   * `expected` (null: none stored yet), as `version`. Resolves false, changing nothing, when
   * another node got there first.
   */
  replaceControlState(sessionId: string, status: string, state: unknown, version: number, expected: number | null): Promise<boolean>;
  /** The session's last control state, or null when it never had one. */
  loadControlState(sessionId: string): Promise<unknown>;
  /** Control states whose status is running or paused (to resume their timers at start). */
  listActiveControlStates(): Promise<{ sessionId: string; state: unknown }[]>;

  /**
   * Keeps a labelled snapshot of a document (the table at the end of a phase) and returns its id.
   * Rejects when the session is unknown.
   */
  saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number>;
  /** A session's history snapshots (without their state), oldest first; only one document's when `docName` is given. */
  listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]>;
  /** One snapshot with its state, or null when unknown here (also when it belongs to another session). */
  loadHistorySnapshot(sessionId: string, snapshotId: number): Promise<{ record: HistorySnapshotRecord; state: Uint8Array } | null>;

  /** Stores a new record link. Rejects when the session is unknown or the link id is taken. */
  createRecordLink(link: RecordLinkRecord): Promise<void>;
  /** A record link by its id (of whichever session), revoked or not; null when unknown. */
  getRecordLink(linkId: string): Promise<RecordLinkRecord | null>;
  /** A session's record links, revoked ones too, newest first. */
  listRecordLinks(sessionId: string): Promise<RecordLinkRecord[]>;
  /** Revokes a link of this session as of `at`; false (changing nothing) when unknown here or already revoked. */
  revokeRecordLink(sessionId: string, linkId: string, at: number): Promise<boolean>;

  /** Flushes and releases the engine. */
  close(): Promise<void>;
}
