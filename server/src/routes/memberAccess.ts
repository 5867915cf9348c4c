/** The check shared by the session-scoped read routes: a valid bearer token of a current member of this session. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ID_PATTERN } from '@worktable/shared';
import { checkBearer } from '../auth/bearer.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { ParticipantRecord, StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';

/**
 * The participant making the request, or null after sending the refusal (401 bad token, 403 other
 * session or removed participant, 404 unknown session).
 */
export async function requireMember(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { storage: StoragePort; signer: TokenSigner },
  sessionId: string,
): Promise<ParticipantRecord | null> {
  if (!SESSION_ID_PATTERN.test(sessionId)) {
    sendError(reply, 404, 'not_found', 'no session with this id');
    return null;
  }
  const check = checkBearer(deps.signer, request.headers.authorization, sessionId);
  if (!check.ok) {
    sendError(reply, check.status, check.code, check.message);
    return null;
  }
  const participant = await deps.storage.getParticipant(sessionId, check.claims.pid);
  if (!participant) {
    const session = await deps.storage.getSession(sessionId);
    sendError(reply, session ? 403 : 404, session ? 'forbidden' : 'not_found', session ? 'you are no longer a participant of this session' : 'no session with this id');
    return null;
  }
  return participant;
}
