/**
 * Read-only links to a session's record. The host makes one with the options the record is sent
 * with (`POST /api/sessions/:sessionId/record-links`), lists them and revokes one (`DELETE …/:linkId`).
 * Anyone with a link reads the record without a token at `GET /records/:linkId` — HTML in the
 * browser, `?format=md` or `?format=pdf` to download —, rendered when asked, so it shows the
 * session as it is now, with the options fixed when the link was made. A revoked link answers 410
 * and an unknown one 404, in words a browser shows; both spend the caller's allowance of failures,
 * like wrong invite codes (ids are 144 random bits: guessing is hopeless anyway). PDFs printed
 * for links are limited per client address, since each takes a browser on the server.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  RECORD_LINK_ID_PATTERN,
  SessionRole,
  canonicalTimeZone,
  createRecordLinkBody,
  describeIssue,
  readRecordOptions,
  type RecordLinkView,
  type RecordLinksResponse,
  type RecordOptions,
} from '@worktable/shared';
import { newRecordLinkId } from '../auth/randomIds.js';
import type { TokenSigner } from '../auth/tokens.js';
import { escapeHtml } from '../record/htmlBlocks.js';
import { findChromium } from '../record/pdf.js';
import { isRecordFormat } from '../record/renderRecord.js';
import type { RateLimiter } from '../security/rateLimit.js';
import type { RecordLinkRecord } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';
import { publicOrigin } from './publicOrigin.js';
import { sendRecord, type RecordSourceDeps } from './sendRecord.js';

/** Dependencies of the record link routes. */
export interface RecordLinkDeps extends RecordSourceDeps {
  signer: TokenSigner;
  publicUrl: string | undefined;
  /** Unknown or revoked links opened per client address (absent: unlimited). */
  failureLimit?: RateLimiter;
  /** PDFs printed for links per client address (absent: unlimited). */
  pdfLimit?: RateLimiter;
}

/** What an unknown link is told. */
export const UNKNOWN_LINK_MESSAGE = 'there is no record at this link; check that the whole link was copied, or ask the host for a new one';
/** What a revoked link is told. */
export const REVOKED_LINK_MESSAGE = 'the host has revoked this link to the record; ask them for a new one';

/** PDFs a client address may have printed through links per minute. */
export const PUBLIC_PDFS_PER_MINUTE = 6;

/** The path a link's record is read at. */
export function recordLinkPath(linkId: string): string {
  return `/records/${linkId}`;
}

function viewOf(link: RecordLinkRecord, origin: string): RecordLinkView {
  return {
    linkId: link.linkId,
    url: `${origin}${recordLinkPath(link.linkId)}`,
    options: readRecordOptions(link.options),
    createdAt: new Date(link.createdAt).toISOString(),
    revokedAt: link.revokedAt === null ? null : new Date(link.revokedAt).toISOString(),
  };
}

/** A small page for a browser that opened a link that does not work. */
function problemPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Worktable</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#1d2430;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message.charAt(0).toUpperCase() + message.slice(1))}.</p></body></html>\n`;
}

/** A refusal: a page for a browser, the usual JSON error otherwise. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, title: string, message: string): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (!(request.headers.accept ?? '').includes('text/html')) return sendError(reply, status, code, message);
  return reply.code(status).type('text/html; charset=utf-8').send(problemPage(title, message));
}

/** Sends 429 with `Retry-After` when `limit` has no allowance left for this address. */
function limited(request: FastifyRequest, reply: FastifyReply, limit: RateLimiter | undefined, what: string): boolean {
  const wait = limit?.retryAfter(request.ip) ?? 0;
  if (wait === 0) return false;
  reply.header('retry-after', String(wait));
  refuse(request, reply, 429, 'too_many_requests', 'Too many requests', `${what} from here; try again in ${wait} s`);
  return true;
}

type SessionParams = { Params: { sessionId: string } };
type LinkParams = { Params: { sessionId: string; linkId: string } };

/** Registers the host's link routes and the public record route. */
export async function recordLinkRoutes(app: FastifyInstance, deps: RecordLinkDeps): Promise<void> {
  /** The host of the session, or null after sending the refusal. */
  const requireHost = async (request: FastifyRequest, reply: FastifyReply, sessionId: string) => {
    const member = await requireMember(request, reply, deps, sessionId);
    if (!member) return null;
    if (member.role === SessionRole.Host) return member;
    sendError(reply, 403, 'forbidden', 'only the host can share the record; ask them for a link');
    return null;
  };

  app.post<SessionParams>('/api/sessions/:sessionId/record-links', async (request, reply) => {
    const { sessionId } = request.params;
    const host = await requireHost(request, reply, sessionId);
    if (!host) return reply;
    const parsed = createRecordLinkBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendError(reply, 400, 'bad_request', describeIssue(parsed.error));
    const { timeZone, names = true, organizations = true, systemRoles = true } = parsed.data;
    const options: RecordOptions = { timeZone: canonicalTimeZone(timeZone) ?? timeZone, names, organizations, systemRoles };
    const link: RecordLinkRecord = {
      linkId: newRecordLinkId(),
      sessionId,
      options,
      createdBy: host.participantId,
      createdAt: Date.now(),
      revokedAt: null,
    };
    await deps.storage.createRecordLink(link);
    return reply.code(201).send(viewOf(link, publicOrigin(request, deps.publicUrl)));
  });

  app.get<SessionParams>('/api/sessions/:sessionId/record-links', async (request, reply) => {
    const { sessionId } = request.params;
    if (!(await requireHost(request, reply, sessionId))) return reply;
    const origin = publicOrigin(request, deps.publicUrl);
    const body: RecordLinksResponse = { links: (await deps.storage.listRecordLinks(sessionId)).map((link) => viewOf(link, origin)) };
    return body;
  });

  app.delete<LinkParams>('/api/sessions/:sessionId/record-links/:linkId', async (request, reply) => {
    const { sessionId, linkId } = request.params;
    if (!(await requireHost(request, reply, sessionId))) return reply;
    const link = RECORD_LINK_ID_PATTERN.test(linkId) ? await deps.storage.getRecordLink(linkId) : null;
    if (!link || link.sessionId !== sessionId) return sendError(reply, 404, 'not_found', 'this session has no such record link');
    // Revoking twice is what the host wanted either way.
    if (link.revokedAt === null) await deps.storage.revokeRecordLink(sessionId, linkId, Date.now());
    return reply.code(204).send();
  });

  app.get<{ Params: { linkId: string }; Querystring: { format?: string } }>('/records/:linkId', async (request, reply) => {
    const { linkId } = request.params;
    reply.header('x-robots-tag', 'noindex');
    if (limited(request, reply, deps.failureLimit, 'too many links that do not work')) return reply;
    const link = RECORD_LINK_ID_PATTERN.test(linkId) ? await deps.storage.getRecordLink(linkId) : null;
    if (!link || link.revokedAt !== null) {
      deps.failureLimit?.take(request.ip);
      return link
        ? refuse(request, reply, 410, 'gone', 'This link was revoked', REVOKED_LINK_MESSAGE)
        : refuse(request, reply, 404, 'not_found', 'No record here', UNKNOWN_LINK_MESSAGE);
    }
    const format = request.query.format ?? 'html';
    if (!isRecordFormat(format)) return refuse(request, reply, 400, 'bad_request', 'Unknown format', 'format: must be html, md or pdf');
    if (format === 'pdf') {
      if (limited(request, reply, deps.pdfLimit, 'too many PDFs printed')) return reply;
      deps.pdfLimit?.take(request.ip);
    }
    const path = recordLinkPath(linkId);
    return sendRecord(reply, deps, {
      sessionId: link.sessionId,
      options: readRecordOptions(link.options),
      format,
      disposition: format === 'html' ? 'inline' : 'attachment',
      downloads: { markdown: `${path}?format=md`, pdf: findChromium(deps.chromiumPath) === null ? null : `${path}?format=pdf` },
    });
  });
}
