/**
 * The storage port's documents: each Yjs document as a snapshot and the log of updates after it.
 */

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

/** Yjs documents, durable as their updates arrive. */
export interface DocumentStore {
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
}
