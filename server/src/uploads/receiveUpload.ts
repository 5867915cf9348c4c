/**
 * An upload's body, streamed into storage as it arrives: never held whole in memory, never stored
 * in one step. Its type is sniffed from the first bytes before anything is stored; then each piece
 * is hashed and handed to the storage's writer (which stores a chunk every 256 KiB, an event-loop
 * turn apart), and the record, with the size and SHA-256 of what came, is committed last.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { errorCodes } from 'fastify';
import type { StoragePort, UploadRecord } from '../storage/port.js';
import { SessionUploadsFull, type UploadAllowance } from './sessionUploadBudget.js';
import { SNIFF_BYTES, sniffUploadMime, type UploadMime } from './sniff.js';

/** What is known of an upload before its bytes. */
export type UploadDraft = Omit<UploadRecord, 'mime' | 'size' | 'sha256'>;

/** What became of a body: stored with its record, or refused (empty, or not a type we take). */
export type ReceivedUpload = { stored: UploadRecord & { mime: UploadMime } } | { refused: 'empty' | 'unsupported' };

/**
 * Stores the request body `body` (null when the request had none) as the upload `draft` describes.
 * Rejects with Fastify's FST_ERR_CTP_BODY_TOO_LARGE once more than `maxBytes` came, with
 * `SessionUploadsFull` once the session's `allowance` is spent, with the
 * stream's error when the client goes away, or with the storage's; then nothing of it stays.
 * Whatever the client still sends after a refusal is read and dropped.
 */
export async function receiveUpload(
  storage: StoragePort,
  body: Readable | null,
  draft: UploadDraft,
  maxBytes: number,
  allowance: UploadAllowance,
): Promise<ReceivedUpload> {
  if (!body) return { refused: 'empty' };
  const pieces = limitedPieces(body, maxBytes, allowance);
  try {
    const head = await readHead(pieces);
    if (head.byteLength === 0) return { refused: 'empty' };
    const mime = sniffUploadMime(head);
    if (!mime) return { refused: 'unsupported' };
    const writer = await storage.uploads.begin(draft.sessionId, draft.uploadId);
    try {
      const hash = crypto.createHash('sha256').update(head);
      let size = head.byteLength;
      await writer.write(head);
      for await (const piece of pieces) {
        hash.update(piece);
        size += piece.byteLength;
        await writer.write(piece);
      }
      const record = { ...draft, mime, size, sha256: hash.digest('hex') };
      await writer.commit(record);
      return { stored: record };
    } catch (error) {
      // Should the storage fail to remove it now, the draft is cleared as abandoned later.
      await writer.abort().catch(() => undefined);
      throw error;
    }
  } finally {
    await pieces.return(undefined);
    body.resume();
  }
}

/** The body's pieces as they come; throws once they add up to more than `maxBytes`, or to more than the session has room for. */
async function* limitedPieces(body: Readable, maxBytes: number, allowance: UploadAllowance): AsyncGenerator<Buffer, void, undefined> {
  let received = 0;
  // Left early, the stream is not destroyed: the refusal is still to be answered on its connection.
  for await (const piece of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    received += piece.byteLength;
    if (received > maxBytes) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    if (!allowance.take(piece.byteLength)) throw new SessionUploadsFull();
    yield piece;
  }
}

/** The first pieces, joined, until they hold the bytes that decide the type (or the body ends). */
async function readHead(pieces: AsyncGenerator<Buffer, void, undefined>): Promise<Buffer> {
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < SNIFF_BYTES) {
    const next = await pieces.next();
    if (next.done) break;
    head.push(next.value);
    bytes += next.value.byteLength;
  }
  return head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head);
}
