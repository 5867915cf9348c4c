/**
 * `GET /api/sessions/:sessionId/export?format=md|html|pdf&tz=…&names=0&organizations=0&systemRoles=0`:
 * the session's record, at any time during or after the session, for the host and whoever
 * facilitates a table now (a group running its own protocol needs its record); every time in
 * the zone `tz` (IANA name), names, organizations and system roles left out when asked. Markdown
 * and HTML are rendered from the stored and open documents; PDF is Chromium's print of the HTML.
 * `GET /api/record-capabilities` says whether this server prints PDFs at all, so the browser can
 * print the HTML record itself instead of asking for a PDF the server cannot make.
 */
import type { FastifyInstance } from 'fastify';
import { SessionRole, parseRecordOptionsQuery, type RecordCapabilities } from '@worktable/shared';
import type { TokenSigner } from '../auth/tokens.js';
import { findChromium } from '../record/pdf.js';
import { isRecordFormat } from '../record/renderRecord.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';
import { sendRecord, type RecordSourceDeps } from './sendRecord.js';

/** Dependencies of the export route. */
export interface ExportDeps extends RecordSourceDeps {
  signer: TokenSigner;
}

/** Whether `participantId` facilitates one of the session's tables now. */
async function facilitates(deps: ExportDeps, sessionId: string, participantId: string): Promise<boolean> {
  const stored: unknown = await deps.storage.loadControlState(sessionId);
  if (typeof stored !== 'object' || stored === null) return false;
  // A session from before convenings stores one run; later ones a run per table.
  const runs = 'runs' in stored && typeof stored.runs === 'object' && stored.runs !== null ? Object.values(stored.runs) : [stored];
  return runs.some(
    (run: unknown) =>
      typeof run === 'object' && run !== null && 'roles' in run && (run.roles as Record<string, unknown>).facilitator === participantId,
  );
}

/** Registers the export route and the record capabilities. */
export async function exportRoutes(app: FastifyInstance, deps: ExportDeps): Promise<void> {
  app.get('/api/record-capabilities', async (): Promise<RecordCapabilities> => ({ serverPdf: findChromium(deps.chromiumPath) !== null }));
  app.get<{ Params: { sessionId: string }; Querystring: Record<string, string | undefined> }>(
    '/api/sessions/:sessionId/export',
    async (request, reply) => {
      const { sessionId } = request.params;
      const member = await requireMember(request, reply, deps, sessionId);
      if (!member) return reply;
      if (member.role !== SessionRole.Host && !(await facilitates(deps, sessionId, member.participantId))) {
        return sendError(reply, 403, 'forbidden', 'only the host or a facilitator can export the record; ask them for a copy');
      }
      const format = request.query.format ?? 'md';
      if (!isRecordFormat(format)) return sendError(reply, 400, 'bad_request', 'format: must be md, html or pdf');
      const parsed = parseRecordOptionsQuery(request.query);
      if (!parsed.ok) return sendError(reply, 400, 'bad_request', parsed.message);
      return sendRecord(reply, deps, { sessionId, options: parsed.options, format, disposition: 'attachment' });
    },
  );
}
