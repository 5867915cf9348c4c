/**
 * The part of storing an upload that every adapter shares: cutting the bytes, as they arrive, into
 * chunks of `UPLOAD_CHUNK_BYTES`, each stored by the adapter on an event-loop turn of its own, and
 * checking the size before the adapter commits the record.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { UPLOAD_CHUNK_BYTES, type UploadRecord, type UploadWriter } from './port.js';

/** What an adapter does for one upload being stored. */
export interface UploadChunkSink {
  /** Stores chunk `index`, in a short transaction of its own; rejects when the upload was removed meanwhile. */
  insertChunk(index: number, bytes: Uint8Array): Promise<void>;
  /**
   * In one transaction: checks that the stored chunks are `chunks` chunks of `record.size` bytes in
   * all and that the upload is still being written, then ends that and stores the record.
   */
  commit(record: UploadRecord, chunks: number): Promise<void>;
  /** Removes the upload being written and its chunks. */
  discard(): Promise<void>;
}

/** An `UploadWriter` over an adapter's `UploadChunkSink`. */
export class ChunkedUploadWriter implements UploadWriter {
  /** The chunk being filled (allocated when bytes come for it). */
  private chunk: Buffer | null = null;
  private filled = 0;
  private chunks = 0;
  private written = 0;
  private finished = false;

  /** A writer of upload `uploadId` of session `sessionId`, stored through `sink`. */
  constructor(
    private readonly sessionId: string,
    private readonly uploadId: string,
    private readonly sink: UploadChunkSink,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    if (this.finished) throw new Error('this upload was committed or aborted already');
    for (let offset = 0; offset < bytes.byteLength; ) {
      const taken = Math.min(UPLOAD_CHUNK_BYTES - this.filled, bytes.byteLength - offset);
      this.chunk ??= Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES);
      this.chunk.set(bytes.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      this.written += taken;
      offset += taken;
      if (this.filled === UPLOAD_CHUNK_BYTES) await this.storeChunk();
    }
  }

  async commit(record: UploadRecord): Promise<void> {
    if (this.finished) throw new Error('this upload was committed or aborted already');
    try {
      await this.storeChunk();
      if (record.uploadId !== this.uploadId || record.sessionId !== this.sessionId)
        throw new Error(`the record is of upload ${record.uploadId} of ${record.sessionId}, not the one being written`);
      if (record.size !== this.written) throw new Error(`the upload's record says ${record.size} bytes but ${this.written} were written`);
      await this.sink.commit(record, this.chunks);
      this.finished = true;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.sink.discard();
  }

  /** Stores the chunk filled so far, then lets the event loop turn before the next one. */
  private async storeChunk(): Promise<void> {
    const chunk = this.chunk;
    if (!chunk) return;
    const bytes = this.filled === UPLOAD_CHUNK_BYTES ? chunk : Buffer.from(chunk.subarray(0, this.filled));
    this.chunk = null;
    this.filled = 0;
    await this.sink.insertChunk(this.chunks, bytes);
    this.chunks += 1;
    await nextTurn();
  }
}
