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

/** Merges a snapshot and the log after it into a single new snapshot (a pure function). */
export type MergeDocument = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array;

/** What a compaction did. */
export interface CompactionResult {
  /** Log entries folded into the snapshot and deleted. */
  mergedUpdates: number;
  /** Size of the new snapshot (equal to the old one when there was nothing to merge). */
  snapshotBytes: number;
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

  /** The stored state of a document (empty when it was never written). */
  loadDocument(docKey: string): Promise<StoredDocument>;
  /** Appends updates to their documents' logs, all in one transaction (group commit). */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<void>;
  /**
   * Folds a document's log into its snapshot atomically: the new snapshot is written and the
   * merged log entries deleted in one transaction, so a crash leaves either the old or the new state.
   */
  compactDocument(docKey: string, merge: MergeDocument): Promise<CompactionResult>;

  /** Flushes and releases the engine. */
  close(): Promise<void>;
}
