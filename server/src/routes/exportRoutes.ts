/**
 * `GET /api/sessions/:sessionId/export?format=md|html|pdf`: the session's record, at any time
 * during or after the session, for the host. Markdown and HTML are rendered from the stored and
 * open documents; PDF is Chromium's print of the HTML.
 */
import type { FastifyInstance } from 'fastify';
import { SessionRole, type Protocol } from '@worktable/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import { collectRecord } from '../record/collect.js';
import { renderHtml } from '../record/html.js';
import { renderMarkdown } from '../record/markdown.js';
import { PdfUnavailable, htmlToPdf } from '../record/pdf.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';

/** Dependencies of the export route. */
export interface ExportDeps {
  storage: StoragePort;
  signer: TokenSigner;
  history: HistoryRecorder;
  findProtocol: (id: string) => Protocol | undefined;
  chromiumPath: string | undefined;
}

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

/** A file name from the title: letters, digits and dashes only. */
export function exportFileName(title: string, extension: string): string {
  const base = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').toLowerCase().slice(0, 60) || 'session';
  return `${base}-record.${extension}`;
}

/** Registers the export route. */
export async function exportRoutes(app: FastifyInstance, deps: ExportDeps): Promise<void> {
  app.get<{ Params: { sessionId: string }; Querystring: { format?: string } }>('/api/sessions/:sessionId/export', async (request, reply) => {
    const { sessionId } = request.params;
    const member = await requireMember(request, reply, deps, sessionId);
    if (!member) return reply;
    if (member.role !== SessionRole.Host) return sendError(reply, 403, 'forbidden', 'only the host can export the record; ask them for a copy');
    const format = request.query.format ?? 'md';
    if (!(format in FORMATS)) return sendError(reply, 400, 'bad_request', 'format: must be md, html or pdf');
    const session = await deps.storage.getSession(sessionId);
    const protocol = session ? protocolOfSession(session, deps.findProtocol) : undefined;
    if (!session || !protocol) return sendError(reply, 404, 'not_found', 'this session’s protocol is no longer available');
    const data = await collectRecord(sessionId, { storage: deps.storage, history: deps.history, protocol, now: Date.now() });
    const { type, extension } = FORMATS[format as keyof typeof FORMATS];
    let body: string | Buffer;
    if (format === 'md') body = renderMarkdown(data);
    else if (format === 'html') body = renderHtml(data);
    else {
      try {
        const pdf = await htmlToPdf(renderHtml(data), deps.chromiumPath);
        body = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } catch (error) {
        if (error instanceof PdfUnavailable) return sendError(reply, 503, 'unavailable', error.message);
        throw error;
      }
    }
    reply.header('content-type', type);
    reply.header('content-disposition', `attachment; filename="${exportFileName(session.title, extension)}"`);
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(body);
  });
}
