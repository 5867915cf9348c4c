/**
 * Uploads of images and PDFs to a session: members (not observers) post a file's raw bytes, every
 * member reads it back (whole, or one byte range). The type is sniffed from the content, the size
 * capped by `MAX_UPLOAD_BYTES`, and the bytes kept in the storage port so every node serves them.
 * Bytes stream in and out a chunk at a time (`receiveUpload`, `uploadBytes`): a large file is
 * never held whole nor stored or read in one step, which would stall every room of the node.
 * Documented in docs/API.md ("Uploads").
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { errorCodes, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ANY_MEMBER } from '../auth/access.js';
import { requireMember } from '../routes/memberAccess.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { Metrics } from '../metrics/metrics.js';
import { sendError } from '../routes/httpErrors.js';
import { UPLOAD_CHUNK_BYTES, type ParticipantRecord, type StoragePort } from '../storage/port.js';
import { uploadBytes } from '../storage/uploadBytes.js';
import { UNSATISFIABLE, contentRange, requestedRange } from './byteRange.js';
import { cleanUploadName, inlineContentDisposition } from './fileName.js';
import { receiveUpload, type ReceivedUpload } from './receiveUpload.js';
import { SessionUploadBudget, SessionUploadsFull, sizeForPeople, type SessionUploadLimits } from './sessionUploadBudget.js';
import type { UploadMime } from './sniff.js';

/** Dependencies of the upload routes. */
export interface UploadDeps {
  storage: StoragePort;
  signer: TokenSigner;
  metrics: Metrics;
  /** Largest accepted file, in bytes (`MAX_UPLOAD_BYTES`). */
  maxUploadBytes: number;
  /** What one session may keep (`MAX_UPLOADS_PER_SESSION`, `MAX_UPLOAD_BYTES_PER_SESSION`). */
  perSession: SessionUploadLimits;
}

/** Body of the 201 answer to an upload. */
export interface UploadResponse {
  uploadId: string;
  mime: UploadMime;
  size: number;
  name: string;
}

/** Upload ids: `u_` and 16 URL-safe characters (96 random bits). */
export const UPLOAD_ID_PATTERN = /^u_[A-Za-z0-9_-]{16}$/;

/** A new, unguessable upload id. */
export function newUploadId(): string {
  return `u_${crypto.randomBytes(12).toString('base64url')}`;
}

/** Uploads never change once stored, so whoever may read one may keep it. */
const CACHE_FOREVER = 'private, max-age=31536000, immutable';

type SessionParams = { sessionId: string };
type PostUpload = { Params: SessionParams; Querystring: { name?: unknown } };
type GetUpload = { Params: SessionParams & { uploadId: string } };

/** Registers the upload routes, in a scope of their own (their body parser and error handler stay here). */
export async function uploadRoutes(app: FastifyInstance, deps: UploadDeps): Promise<void> {
  const { storage, metrics, maxUploadBytes } = deps;
  const budget = new SessionUploadBudget(deps.perSession);
  const sessionFull = (reply: FastifyReply, what: string) => {
    metrics.limited.inc({ limit: 'session_uploads' });
    return sendError(
      reply,
      413,
      'session_full',
      `this session ${what}; remove files it no longer needs from the table, or start a new session`,
    );
  };
  const admitted = new WeakMap<FastifyRequest, ParticipantRecord>();

  /** An `onRequest` hook: the bearer must be a member of the session (a writer when `toWrite`). */
  const admitMembers =
    (toWrite: boolean) =>
    async (request: FastifyRequest<{ Params: SessionParams }>, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      const { sessionId } = request.params;
      const member = await requireMember(
        request,
        reply,
        deps,
        sessionId,
        toWrite ? { role: 'writer', refusal: 'observers cannot add to the table' } : ANY_MEMBER,
      );
      if (!member) return reply;
      admitted.set(request, member);
      return undefined;
    };
  const memberOf = (request: FastifyRequest): ParticipantRecord => {
    const member = admitted.get(request);
    if (!member) throw new Error('upload route ran without its admission hook');
    return member;
  };

  // The body is the file itself, whatever type the client declares; the content decides. It is
  // handed to the route as a stream; a declared length over the limit is refused before any is read.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request, payload, done) => {
    if (Number(request.headers['content-length']) > maxUploadBytes) done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), undefined);
    else done(null, payload);
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = Number((maxUploadBytes / 1024 ** 2).toPrecision(3));
      return sendError(reply, 413, 'too_large', `files can be at most ${limit} MB; make this one smaller and upload it again`);
    }
    throw error; // everything else is answered by the server-wide handler
  });

  app.addHook('onResponse', async (_request, reply) => {
    if (reply.statusCode >= 400) metrics.errors.inc({ kind: `upload_${reply.statusCode}` });
  });

  app.post<PostUpload>('/api/sessions/:sessionId/uploads', { onRequest: admitMembers(true) }, async (request, reply) => {
    const member = memberOf(request);
    const draft = {
      uploadId: newUploadId(),
      sessionId: member.sessionId,
      name: cleanUploadName(request.query.name),
      createdBy: member.participantId,
      createdAt: Date.now(),
    };
    const allowance = budget.open(draft.sessionId, await storage.uploads.usage(draft.sessionId));
    if (!allowance) return sessionFull(reply, `already keeps ${budget.limits.uploads} files, the most it can`);
    let received: ReceivedUpload;
    try {
      received = await receiveUpload(storage, request.body instanceof Readable ? request.body : null, draft, maxUploadBytes, allowance);
    } catch (error) {
      if (!(error instanceof SessionUploadsFull)) throw error;
      return sessionFull(reply, `has no room for this file (it keeps at most ${sizeForPeople(budget.limits.bytes)} of files)`);
    } finally {
      allowance.close();
    }
    if ('refused' in received) {
      return received.refused === 'empty'
        ? sendError(reply, 400, 'bad_request', "the body is empty; send the file's bytes as the request body")
        : sendError(reply, 415, 'unsupported_media_type', 'only PNG, JPEG, GIF, WebP images and PDF files can be put on the table');
    }
    const record = received.stored;
    metrics.uploads.inc();
    metrics.uploadBytes.inc(record.size);
    const response: UploadResponse = { uploadId: record.uploadId, mime: record.mime, size: record.size, name: record.name };
    return reply.code(201).header('location', `/api/sessions/${record.sessionId}/uploads/${record.uploadId}`).send(response);
  });

  app.get<GetUpload>('/api/sessions/:sessionId/uploads/:uploadId', { onRequest: admitMembers(false) }, async (request, reply) => {
    const { sessionId, uploadId } = request.params;
    const record = UPLOAD_ID_PATTERN.test(uploadId) ? await storage.uploads.getRecord(sessionId, uploadId) : null;
    if (!record) return sendError(reply, 404, 'not_found', 'no upload with this id in this session; check the link');
    const etag = `"${record.sha256}"`;
    reply
      .header('etag', etag)
      .header('cache-control', CACHE_FOREVER)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', inlineContentDisposition(record.name))
      .header('accept-ranges', 'bytes');
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const ifRange = request.headers['if-range'];
    const range = requestedRange(request.headers.range, Array.isArray(ifRange) ? ifRange.join(', ') : ifRange, etag, record.size);
    if (range === UNSATISFIABLE) {
      reply.header('content-range', `bytes */${record.size}`);
      return sendError(reply, 416, 'range_not_satisfiable', `the range asked for starts past the end of the file (${record.size} bytes)`);
    }
    if (range) reply.code(206).header('content-range', contentRange(range, record.size));
    const { start, end } = range ?? { start: 0, end: record.size };
    reply.type(record.mime).header('content-length', String(end - start));
    // HEAD: the headers only, without reading the file.
    if (request.method === 'HEAD') return reply.send(Readable.from([]));
    return reply.send(
      Readable.from(uploadBytes(storage, record, { start, end }), { objectMode: false, highWaterMark: UPLOAD_CHUNK_BYTES }),
    );
  });
}

/** Whether an `If-None-Match` header names this entity tag (weak or strong), or is `*`. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
