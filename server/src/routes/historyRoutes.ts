/**
 * The history of a session's tables: the labelled snapshots kept at every phase boundary, and
 * each snapshot's document state (a Yjs update the client loads into a read-only document).
 */
import type { FastifyInstance } from 'fastify';
import { DOC_NAME_PATTERN } from '@worktable/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';

/** Dependencies of the history routes. */
export interface HistoryDeps {
  storage: StoragePort;
  signer: TokenSigner;
}

/** Registers `GET /api/sessions/:sessionId/history` and `…/history/:snapshotId`. */
export async function historyRoutes(app: FastifyInstance, deps: HistoryDeps): Promise<void> {
  app.get<{ Params: { sessionId: string }; Querystring: { doc?: string } }>('/api/sessions/:sessionId/history', async (request, reply) => {
    const { sessionId } = request.params;
    if (!(await requireMember(request, reply, deps, sessionId))) return reply;
    const doc = request.query.doc;
    if (doc !== undefined && !DOC_NAME_PATTERN.test(doc))
      return sendError(reply, 400, 'bad_request', 'doc: must be a document name like table-1');
    const snapshots = await deps.storage.listHistory(sessionId, doc);
    return {
      snapshots: snapshots.map(({ snapshotId, docName, label, createdAt, bytes }) => ({ snapshotId, docName, label, createdAt, bytes })),
    };
  });

  app.get<{ Params: { sessionId: string; snapshotId: string } }>('/api/sessions/:sessionId/history/:snapshotId', async (request, reply) => {
    const { sessionId, snapshotId } = request.params;
    if (!(await requireMember(request, reply, deps, sessionId))) return reply;
    const id = Number(snapshotId);
    if (!Number.isSafeInteger(id) || id <= 0) return sendError(reply, 400, 'bad_request', 'snapshotId: must be a positive whole number');
    const snapshot = await deps.storage.loadHistorySnapshot(sessionId, id);
    if (!snapshot) return sendError(reply, 404, 'not_found', 'no such snapshot in this session');
    reply.header('content-type', 'application/octet-stream');
    reply.header('cache-control', 'private, max-age=31536000, immutable');
    return reply.send(Buffer.from(snapshot.state.buffer, snapshot.state.byteOffset, snapshot.state.byteLength));
  });
}
