/**
 * Uploads in the SQLite store, kept in chunks so that no single step holds the event loop: this
 * connection is synchronous, and one INSERT of a whole 20 MiB file held it for 0.2–1.6 s (every
 * room of the node stalled meanwhile). A worker thread's own connection would not help: it would
 * hold the write lock for the whole file, and this connection's next write would wait for it
 * synchronously (busy_timeout). So each chunk is its own short transaction on this connection,
 * the writer lets the event loop turn between chunks, and reads go a chunk at a time.
 *
 * Chunks are committed without an fsync (synchronous=NORMAL for that statement only): with one per
 * chunk, a busy disk made single inserts take up to 100 ms on this thread. They need none of their
 * own: the commit that makes the upload visible runs with the connection's full fsync, which makes
 * every earlier frame of the WAL durable, its chunks among them; a crash before it loses at most
 * chunks of an upload that was never acknowledged. What remains on this thread is SQLite's
 * automatic checkpoint, every 4 MiB or so written (13–20 ms measured).
 *
 * An upload being written has a row in `upload_drafts` (which also reserves its id); its chunks
 * are only accepted while that row is there. The record goes into `uploads` last, in the
 * transaction that removes the draft, so a half-written upload is never visible. Should the
 * process die mid-upload, the draft stays behind and `removeAbandoned` clears it with its chunks.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { ChunkedUploadWriter } from './chunkedUploadWriter.js';
import { UPLOAD_CHUNK_BYTES, type UploadRecord, type UploadStore, type UploadWriter } from './port.js';
import { uploadChunkTablesSql } from './uploadSchema.js';

/** Chunks removed per statement when an upload is removed piece by piece (2 MiB: a few ms). */
const CHUNKS_REMOVED_AT_ONCE = 8;

/**
 * The schema migration to chunks: creates the draft and chunk tables, moves the bytes of every
 * upload stored whole until then into chunks (one upload in memory at a time), and drops the
 * column that held them.
 */
export function migrateUploadsToChunks(db: Database.Database): void {
  db.exec(uploadChunkTablesSql({ bigint: 'INTEGER', bytes: 'BLOB' }));
  const ids = db.prepare<[], string>('SELECT upload_id FROM uploads').pluck().all();
  const read = db.prepare<[string], { session_id: string; data: Buffer }>('SELECT session_id, data FROM uploads WHERE upload_id = ?');
  const insert = db.prepare('INSERT INTO upload_chunks (upload_id, chunk_index, session_id, data) VALUES (?, ?, ?, ?)');
  for (const uploadId of ids) {
    const row = read.get(uploadId);
    if (!row) continue;
    for (let index = 0; index * UPLOAD_CHUNK_BYTES < row.data.byteLength; index++) {
      insert.run(uploadId, index, row.session_id, row.data.subarray(index * UPLOAD_CHUNK_BYTES, (index + 1) * UPLOAD_CHUNK_BYTES));
    }
  }
  db.exec('ALTER TABLE uploads DROP COLUMN data');
}

interface UploadRow {
  upload_id: string;
  session_id: string;
  mime: string;
  size: number;
  name: string;
  sha256: string;
  created_by: string;
  created_at: number;
}

const toUpload = (r: UploadRow): UploadRecord => ({
  uploadId: r.upload_id,
  sessionId: r.session_id,
  mime: r.mime,
  size: r.size,
  name: r.name,
  sha256: r.sha256,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** The upload half of the SQLite storage port, on the adapter's connection (migrated already). */
export class SqliteUploads implements UploadStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertDraft: db.prepare<{ uploadId: string; sessionId: string; startedAt: number }>(
        'INSERT INTO upload_drafts (upload_id, session_id, started_at) SELECT @uploadId, @sessionId, @startedAt WHERE NOT EXISTS (SELECT 1 FROM uploads WHERE upload_id = @uploadId)',
      ),
      insertChunk: db.prepare<{ uploadId: string; index: number; sessionId: string; data: Uint8Array }>(
        `INSERT INTO upload_chunks (upload_id, chunk_index, session_id, data)
         SELECT @uploadId, @index, @sessionId, @data WHERE EXISTS (SELECT 1 FROM upload_drafts WHERE upload_id = @uploadId)`,
      ),
      chunkTotals: db.prepare<[string], { chunks: number; bytes: number }>(
        'SELECT count(*) AS chunks, coalesce(sum(length(data)), 0) AS bytes FROM upload_chunks WHERE upload_id = ?',
      ),
      deleteDraft: db.prepare<[string]>('DELETE FROM upload_drafts WHERE upload_id = ?'),
      insertUpload: db.prepare(
        'INSERT INTO uploads (upload_id, session_id, mime, size, name, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getUpload: db.prepare<[string, string], UploadRow>('SELECT * FROM uploads WHERE upload_id = ? AND session_id = ?'),
      usage: db.prepare<[string], { uploads: number; bytes: number }>(
        'SELECT count(*) AS uploads, coalesce(sum(size), 0) AS bytes FROM uploads WHERE session_id = ?',
      ),
      uploadExists: db.prepare<[string], number>('SELECT 1 FROM uploads WHERE upload_id = ?').pluck(),
      readChunk: db
        .prepare<[string, number, string], Buffer>(
          'SELECT data FROM upload_chunks WHERE upload_id = ? AND chunk_index = ? AND session_id = ?',
        )
        .pluck(),
      deleteSomeChunks: db.prepare<[string, number]>(
        'DELETE FROM upload_chunks WHERE rowid IN (SELECT rowid FROM upload_chunks WHERE upload_id = ? LIMIT ?)',
      ),
      listAbandoned: db.prepare<[number], string>('SELECT upload_id FROM upload_drafts WHERE started_at < ?').pluck(),
    };
    const { chunkTotals, deleteDraft, insertUpload } = this.statements;
    this.commitUpload = db.transaction((record: UploadRecord, chunks: number) => {
      const stored = chunkTotals.get(record.uploadId) ?? { chunks: 0, bytes: 0 };
      if (stored.chunks !== chunks || stored.bytes !== record.size) {
        throw new Error(
          `upload ${record.uploadId} has ${stored.chunks} chunks of ${stored.bytes} bytes stored, not ${chunks} of ${record.size}`,
        );
      }
      if (deleteDraft.run(record.uploadId).changes !== 1) throw new Error(`upload ${record.uploadId} is no longer being written`);
      insertUpload.run(
        record.uploadId,
        record.sessionId,
        record.mime,
        record.size,
        record.name,
        record.sha256,
        record.createdBy,
        record.createdAt,
      );
    }).immediate;
  }

  /** Ends a draft and stores its record, in one write transaction. */
  private readonly commitUpload: (record: UploadRecord, chunks: number) => void;

  /** See `UploadStore.begin`. */
  async begin(sessionId: string, uploadId: string): Promise<UploadWriter> {
    const { changes } = this.withoutFsync(() => this.statements.insertDraft.run({ uploadId, sessionId, startedAt: Date.now() }));
    if (changes !== 1) throw new Error(`upload id ${uploadId} is taken`);
    return new ChunkedUploadWriter(sessionId, uploadId, {
      insertChunk: async (index, data) => {
        const { changes } = this.withoutFsync(() => this.statements.insertChunk.run({ uploadId, index, sessionId, data }));
        if (changes !== 1) throw new Error(`upload ${uploadId} is no longer being written`);
      },
      commit: async (record, chunks) => this.commitUpload(record, chunks),
      discard: () => this.removeDraft(uploadId),
    });
  }

  /** See `UploadStore.getRecord`. */
  async getRecord(sessionId: string, uploadId: string): Promise<UploadRecord | null> {
    const row = this.statements.getUpload.get(uploadId, sessionId);
    return row ? toUpload(row) : null;
  }

  /** See `UploadStore.readChunk`. */
  async usage(sessionId: string): Promise<{ uploads: number; bytes: number }> {
    const row = this.statements.usage.get(sessionId);
    return { uploads: row?.uploads ?? 0, bytes: row?.bytes ?? 0 };
  }

  async readChunk(sessionId: string, uploadId: string, index: number): Promise<Uint8Array | null> {
    const data = this.statements.readChunk.get(uploadId, index, sessionId);
    return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  }

  /** See `UploadStore.removeAbandoned`. */
  async removeAbandoned(startedBefore: number): Promise<number> {
    const abandoned = this.statements.listAbandoned.all(startedBefore);
    for (const uploadId of abandoned) await this.removeDraft(uploadId);
    return abandoned.length;
  }

  /**
   * Removes a draft's chunks a few at a time, an event-loop turn apart (freeing a whole 20 MiB file
   * at once takes ≈ 20 ms), then the draft itself — last, so a crash midway leaves it to be found
   * again. Chunks of a committed upload of the same id are not the draft's and stay.
   */
  private async removeDraft(uploadId: string): Promise<void> {
    if (!this.statements.uploadExists.get(uploadId)) {
      while (this.withoutFsync(() => this.statements.deleteSomeChunks.run(uploadId, CHUNKS_REMOVED_AT_ONCE)).changes > 0) await nextTurn();
    }
    this.withoutFsync(() => this.statements.deleteDraft.run(uploadId));
  }

  /**
   * Runs `write` with no fsync at its commit, for writes that need not survive a crash on their
   * own: a draft and its chunks (see above; the WAL keeps a prefix of its frames, so no chunk
   * outlives its draft) and removals (a draft that survives is removed again by the sweep).
   */
  private withoutFsync<T>(write: () => T): T {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }
}
