/**
 * The tables of chunked uploads, the same on both engines but for the names of two types: uploads
 * being written (`upload_drafts`, whose row also reserves the id) and the chunks of every upload.
 * Part of each adapter's migration to chunks: change it only together with a new migration.
 */

/** The engine's names for a 64-bit integer and for bytes. */
export interface UploadSchemaTypes {
  bigint: 'INTEGER' | 'BIGINT';
  bytes: 'BLOB' | 'BYTEA';
}

/** The statements creating the upload tables and their indexes, in the engine's `types`. */
export function uploadChunkTablesSql(types: UploadSchemaTypes): string {
  return `
    CREATE TABLE upload_drafts (
      upload_id  TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(session_id),
      started_at ${types.bigint} NOT NULL
    );
    CREATE INDEX upload_drafts_by_start ON upload_drafts(started_at);
    CREATE TABLE upload_chunks (
      upload_id   TEXT NOT NULL,
      chunk_index INTEGER NOT NULL,
      session_id  TEXT NOT NULL REFERENCES sessions(session_id),
      data        ${types.bytes} NOT NULL,
      PRIMARY KEY (upload_id, chunk_index)
    );
    CREATE INDEX upload_chunks_by_session ON upload_chunks(session_id);`;
}
