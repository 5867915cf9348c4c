/** The REST side of the one access check (`checkAccess`): the bearer token of the request, answered with an HTTP error when refused. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANY_MEMBER, bearerToken, checkAccess, type AccessDeps, type AccessNeed } from '../auth/access.js';
import type { ParticipantRecord } from '../storage/port.js';
import { sendError } from './httpErrors.js';

/**
 * The member making the request, or null after sending the refusal (401 bad token, 403 other
 * session, removed participant or a role short of `need`, 404 unknown session).
 */
export async function requireMember(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AccessDeps,
  sessionId: string,
  need: AccessNeed = ANY_MEMBER,
): Promise<ParticipantRecord | null> {
  const decision = await checkAccess(deps, bearerToken(request.headers.authorization), sessionId, need);
  if (decision.ok) return decision.member;
  sendError(reply, decision.status, decision.code, decision.message);
  return null;
}
