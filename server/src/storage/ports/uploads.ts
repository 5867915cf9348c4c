/**
 * The storage port's uploads: images and PDFs of a session, stored in chunks beside their record.
 */

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
