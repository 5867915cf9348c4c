/**
 * Uploads in PostgreSQL, in the same chunks as on SQLite (see sqliteUploads.ts for the design). The
 * queries are asynchronous already, but one query of a whole 20 MiB file made the driver build a
 * 40 MiB hex string to send it and parse one as large to read it back, on the main thread; a chunk
 * costs a 512 KiB one. An upload being written has a row in `upload_drafts`; its record goes into
 * `uploads` last, in the transaction that removes the draft. No transaction stays open while the
 * client sends (a slow client would hold a pooled connection meanwhile).
 */
import type pg from 'pg';
import { ChunkedUploadWriter } from './chunkedUploadWriter.js';
import { UPLOAD_CHUNK_BYTES, type UploadRecord, type UploadStore, type UploadWriter } from './port.js';
import { uploadChunkTablesSql } from './uploadSchema.js';

/**
 * The schema migration to chunks: the draft and chunk tables, the bytes of every upload stored
 * whole until then moved into chunks, and the column that held them dropped.
 */
export const MIGRATE_UPLOADS_TO_CHUNKS = `${uploadChunkTablesSql({ bigint: 'BIGINT', bytes: 'BYTEA' })}
  INSERT INTO upload_chunks (upload_id, chunk_index, session_id, data)
    SELECT u.upload_id, i, u.session_id, substring(u.data FROM i * ${UPLOAD_CHUNK_BYTES} + 1 FOR ${UPLOAD_CHUNK_BYTES})
    FROM uploads u, generate_series(0, (octet_length(u.data) - 1) / ${UPLOAD_CHUNK_BYTES}) AS i;
  ALTER TABLE uploads DROP COLUMN data;`;

type Row = Record<string, unknown>;

const toUpload = (r: Row): UploadRecord => ({
  uploadId: r.upload_id as string,
  sessionId: r.session_id as string,
  mime: r.mime as string,
  size: Number(r.size),
  name: r.name as string,
  sha256: r.sha256 as string,
  createdBy: r.created_by as string,
  createdAt: Number(r.created_at),
});

/** Runs `work` in one transaction on one connection (the adapter's). */
type InTransaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/** The upload half of the Postgres storage port. */
export class PostgresUploads implements UploadStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: InTransaction,
  ) {}

  /** See `UploadStore.begin`. */
  async begin(sessionId: string, uploadId: string): Promise<UploadWriter> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO upload_drafts (upload_id, session_id, started_at) SELECT $1::text, $2::text, $3::bigint WHERE NOT EXISTS (SELECT 1 FROM uploads WHERE upload_id = $1)',
      [uploadId, sessionId, Date.now()],
    );
    if (rowCount !== 1) throw new Error(`upload id ${uploadId} is taken`);
    return new ChunkedUploadWriter(sessionId, uploadId, {
      insertChunk: async (index, data) => {
        const inserted = await this.pool.query(
          `INSERT INTO upload_chunks (upload_id, chunk_index, session_id, data)
           SELECT $1::text, $2::integer, $3::text, $4::bytea WHERE EXISTS (SELECT 1 FROM upload_drafts WHERE upload_id = $1)`,
          [uploadId, index, sessionId, Buffer.from(data.buffer, data.byteOffset, data.byteLength)],
        );
        if (inserted.rowCount !== 1) throw new Error(`upload ${uploadId} is no longer being written`);
      },
      commit: (record, chunks) => this.commit(record, chunks),
      discard: () => this.removeDraft(uploadId),
    });
  }

  /** See `UploadStore.getRecord`. */
  async getRecord(sessionId: string, uploadId: string): Promise<UploadRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM uploads WHERE upload_id = $1 AND session_id = $2', [uploadId, sessionId]);
    return rows[0] ? toUpload(rows[0] as Row) : null;
  }

  /** See `UploadStore.usage`. */
  async usage(sessionId: string): Promise<{ uploads: number; bytes: number }> {
    const { rows } = await this.pool.query(
      'SELECT count(*) AS uploads, coalesce(sum(size), 0) AS bytes FROM uploads WHERE session_id = $1',
      [sessionId],
    );
    const row = rows[0] as { uploads: string; bytes: string } | undefined;
    return { uploads: Number(row?.uploads ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  /** See `UploadStore.readChunk`. */
  async readChunk(sessionId: string, uploadId: string, index: number): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query('SELECT data FROM upload_chunks WHERE upload_id = $1 AND chunk_index = $2 AND session_id = $3', [
      uploadId,
      index,
      sessionId,
    ]);
    const data = (rows[0] as Row | undefined)?.data as Buffer | undefined;
    return data ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  }

  /** See `UploadStore.removeAbandoned`. */
  async removeAbandoned(startedBefore: number): Promise<number> {
    const { rows } = await this.pool.query('SELECT upload_id FROM upload_drafts WHERE started_at < $1', [startedBefore]);
    for (const row of rows) await this.removeDraft((row as Row).upload_id as string);
    return rows.length;
  }

  private async commit(record: UploadRecord, chunks: number): Promise<void> {
    await this.transaction(async (client) => {
      const totals = await client.query(
        'SELECT count(*)::int AS chunks, coalesce(sum(octet_length(data)), 0)::bigint AS bytes FROM upload_chunks WHERE upload_id = $1',
        [record.uploadId],
      );
      const stored = totals.rows[0] as { chunks: number; bytes: string };
      if (stored.chunks !== chunks || Number(stored.bytes) !== record.size) {
        throw new Error(
          `upload ${record.uploadId} has ${stored.chunks} chunks of ${stored.bytes} bytes stored, not ${chunks} of ${record.size}`,
        );
      }
      const ended = await client.query('DELETE FROM upload_drafts WHERE upload_id = $1', [record.uploadId]);
      if (ended.rowCount !== 1) throw new Error(`upload ${record.uploadId} is no longer being written`);
      await client.query(
        'INSERT INTO uploads (upload_id, session_id, mime, size, name, sha256, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [record.uploadId, record.sessionId, record.mime, record.size, record.name, record.sha256, record.createdBy, record.createdAt],
      );
    });
  }

  /** Removes a draft's chunks (not those of a committed upload of the same id), then the draft. */
  private async removeDraft(uploadId: string): Promise<void> {
    await this.pool.query('DELETE FROM upload_chunks WHERE upload_id = $1 AND NOT EXISTS (SELECT 1 FROM uploads WHERE upload_id = $1)', [
      uploadId,
    ]);
    await this.pool.query('DELETE FROM upload_drafts WHERE upload_id = $1', [uploadId]);
  }
}
