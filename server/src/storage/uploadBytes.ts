/**
 * An upload's bytes as a whole or as a stream, over the chunked storage of the port: for the
 * routes that serve them, the exports that embed them, and the tests.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { UPLOAD_CHUNK_BYTES, type StoragePort, type UploadRecord } from './port.js';

/** An upload with all its bytes. */
export interface StoredUpload {
  record: UploadRecord;
  bytes: Uint8Array;
}

/** Bytes `[start, end)` of an upload. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Stores `bytes` as the upload `record` describes (begin, write, commit; aborted on failure). */
export async function putUpload(storage: StoragePort, record: UploadRecord, bytes: Uint8Array): Promise<void> {
  const writer = await storage.uploads.begin(record.sessionId, record.uploadId);
  try {
    await writer.write(bytes);
    await writer.commit(record);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * The bytes `range` (the whole upload by default) of a committed upload, chunk by chunk with an
 * event-loop turn between chunks. Throws should a chunk be missing (the session deleted meanwhile).
 */
export async function* uploadBytes(
  storage: StoragePort,
  record: UploadRecord,
  range: ByteRange = { start: 0, end: record.size },
): AsyncGenerator<Uint8Array> {
  for (let index = Math.floor(range.start / UPLOAD_CHUNK_BYTES); index * UPLOAD_CHUNK_BYTES < range.end; index++) {
    const chunk = await storage.uploads.readChunk(record.sessionId, record.uploadId, index);
    if (!chunk) throw new Error(`chunk ${index} of upload ${record.uploadId} is missing`);
    const offset = index * UPLOAD_CHUNK_BYTES;
    yield chunk.subarray(Math.max(0, range.start - offset), Math.min(chunk.byteLength, range.end - offset));
    await nextTurn();
  }
}

/** An upload of this session with all its bytes, or null when unknown here. */
export async function readUpload(storage: StoragePort, sessionId: string, uploadId: string): Promise<StoredUpload | null> {
  const record = await storage.uploads.getRecord(sessionId, uploadId);
  if (!record) return null;
  const bytes = new Uint8Array(record.size);
  let filled = 0;
  for await (const chunk of uploadBytes(storage, record)) {
    bytes.set(chunk, filled);
    filled += chunk.byteLength;
  }
  if (filled !== record.size) throw new Error(`upload ${uploadId} holds ${filled} bytes, its record says ${record.size}`);
  return { record, bytes };
}
