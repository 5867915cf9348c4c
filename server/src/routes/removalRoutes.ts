/**
 * The host removes a participant (their connections close within a second and their token stops
 * working) or deletes the whole session (documents, uploads, history, control state, participants
 * — and so every token — are gone). Both are refused to anyone but the host.
 */
import type { FastifyInstance } from 'fastify';
import type { TokenSigner } from '../auth/tokens.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';

/** What removing people and sessions has to tell the live parts of the server. */
export interface RemovalDeps {
  storage: StoragePort;
  signer: TokenSigner;
  /** Closes the participant's sockets and forgets them in the control plane (every node). */
  participantRemoved(sessionId: string, participantId: string): Promise<void>;
  /** Closes every socket of the session and drops its documents without storing (every node). */
  sessionDeleted(sessionId: string): Promise<void>;
}

/** Registers `DELETE /api/sessions/:sessionId/participants/:participantId` and `DELETE /api/sessions/:sessionId`. */
export async function removalRoutes(app: FastifyInstance, deps: RemovalDeps): Promise<void> {
  app.delete<{ Params: { sessionId: string; participantId: string } }>(
    '/api/sessions/:sessionId/participants/:participantId',
    async (request, reply) => {
      const { sessionId, participantId } = request.params;
      const member = await requireMember(request, reply, deps, sessionId, {
        role: 'host',
        refusal: 'only the host can remove people from the session',
      });
      if (!member) return reply;
      if (participantId === member.participantId)
        return sendError(reply, 409, 'conflict', 'the host cannot remove themselves; delete the session instead');
      if (!(await deps.storage.removeParticipant(sessionId, participantId)))
        return sendError(reply, 404, 'not_found', 'nobody with this id is in the session');
      await deps.participantRemoved(sessionId, participantId);
      request.log.info({ session: sessionId, participant: participantId }, 'participant removed by the host');
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { sessionId: string } }>('/api/sessions/:sessionId', async (request, reply) => {
    const { sessionId } = request.params;
    if (!(await requireMember(request, reply, deps, sessionId, { role: 'host', refusal: 'only the host can delete the session' })))
      return reply;
    await deps.sessionDeleted(sessionId);
    await deps.storage.deleteSession(sessionId);
    request.log.info({ session: sessionId }, 'session deleted by the host');
    return reply.code(204).send();
  });
}
