/**
 * The storage port's history: labelled snapshots of documents at phase boundaries.
 */

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

/** A session's history snapshots. */
export interface HistoryStore {
  /**
   * Keeps a labelled snapshot of a document (the table at the end of a phase) and returns its id.
   * Rejects when the session is unknown.
   */
  saveHistorySnapshot(snapshot: HistorySnapshotInput): Promise<number>;
  /** A session's history snapshots (without their state), oldest first; only one document's when `docName` is given. */
  listHistory(sessionId: string, docName?: string): Promise<HistorySnapshotRecord[]>;
  /** One snapshot with its state, or null when unknown here (also when it belongs to another session). */
  loadHistorySnapshot(sessionId: string, snapshotId: number): Promise<{ record: HistorySnapshotRecord; state: Uint8Array } | null>;
}
