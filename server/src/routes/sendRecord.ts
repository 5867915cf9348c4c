/**
 * Sends one session's record: collected now from storage and the open documents, rendered in the
 * asked format with the given options. Shared by the host's export and the read-only links.
 */
import type { FastifyReply } from 'fastify';
import type { Protocol, RecordOptions } from '@worktable/shared';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import { collectRecord } from '../record/collect.js';
import type { HtmlDownloads } from '../record/html.js';
import { PdfUnavailable } from '../record/pdf.js';
import { renderRecord, type RecordFormat, type RenderedRecord } from '../record/renderRecord.js';
import type { StoragePort } from '../storage/port.js';
import type { ExportGate } from '../security/exportGate.js';
import { sendError, sendTooManyRequests } from './httpErrors.js';

/** What rendering a record needs. */
export interface RecordSourceDeps {
  storage: StoragePort;
  history: HistoryRecorder;
  findProtocol: (id: string) => Protocol | undefined;
  chromiumPath: string | undefined;
  /** Bytes of images one HTML or PDF record embeds (`MAX_EXPORT_EMBED_BYTES`). */
  embedBytes: number;
  /** Renders of one session at once. */
  gate: ExportGate;
}

/** How the file is handed over: a download (`attachment`) or shown in the browser (`inline`). */
export type Disposition = 'attachment' | 'inline';

/** Renders and sends the record of `sessionId`; 404 when the session or its protocol is gone, 503 for PDF without Chromium. */
export async function sendRecord(
  reply: FastifyReply,
  deps: RecordSourceDeps,
  request: { sessionId: string; options: RecordOptions; format: RecordFormat; disposition: Disposition; downloads?: HtmlDownloads },
): Promise<FastifyReply> {
  const session = await deps.storage.getSession(request.sessionId);
  const protocol = session ? protocolOfSession(session, deps.findProtocol) : undefined;
  if (!session) return sendError(reply, 404, 'not_found', 'this session no longer exists');
  if (!protocol) return sendError(reply, 404, 'not_found', 'this session’s protocol is no longer available');
  const done = deps.gate.enter(request.sessionId);
  if (!done)
    return sendTooManyRequests(reply, 5, 'this session’s record is being made for someone else right now; try again in a few seconds');
  let rendered: RenderedRecord;
  try {
    const embedBytes = request.format === 'md' ? 0 : deps.embedBytes;
    const data = await collectRecord(request.sessionId, {
      storage: deps.storage,
      history: deps.history,
      protocol,
      now: Date.now(),
      embedBytes,
    });
    rendered = await renderRecord(data, request.options, request.format, deps.chromiumPath, request.downloads);
  } catch (error) {
    if (error instanceof PdfUnavailable) return sendError(reply, 503, 'unavailable', error.message);
    throw error;
  } finally {
    done();
  }
  reply.header('content-type', rendered.type);
  reply.header('content-disposition', `${request.disposition}; filename="${rendered.fileName}"`);
  reply.header('cache-control', 'no-store');
  reply.header('x-content-type-options', 'nosniff');
  return reply.send(rendered.body);
}
