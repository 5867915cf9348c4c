/**
 * The host rotates the invite code: `POST /api/sessions/:sessionId/invite-code` draws a new code,
 * and the old one (and every invite link carrying it) stops joining at once. With removal this
 * closes the door on a removed person, who could otherwise rejoin with the link they still hold.
 * People already in the session keep their tokens.
 */
import type { FastifyInstance } from 'fastify';
import type { InviteCodeResponse } from '@worktable/shared';
import { newInviteCode } from '../auth/randomIds.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';
import { publicOrigin } from './publicOrigin.js';

/** Dependencies of the invite code route. */
export interface InviteCodeDeps {
  storage: StoragePort;
  signer: TokenSigner;
  /** Base of links given to people; the request's origin when unset. */
  publicUrl: string | undefined;
}

/** The invite link of a session and code (`<origin>/join/<sessionId>?code=<code>`). */
export function inviteLink(origin: string, sessionId: string, inviteCode: string): string {
  return `${origin}/join/${sessionId}?code=${inviteCode}`;
}

/** Registers `POST /api/sessions/:sessionId/invite-code` (host only). */
export async function inviteCodeRoutes(app: FastifyInstance, deps: InviteCodeDeps): Promise<void> {
  app.post<{ Params: { sessionId: string } }>('/api/sessions/:sessionId/invite-code', async (request, reply) => {
    const { sessionId } = request.params;
    if (!(await requireMember(request, reply, deps, sessionId, { role: 'host', refusal: 'only the host can make a new invite link' })))
      return reply;
    const inviteCode = newInviteCode();
    if (!(await deps.storage.setInviteCode(sessionId, inviteCode))) return sendError(reply, 404, 'not_found', 'no session with this id');
    request.log.info({ session: sessionId }, 'invite code replaced by the host');
    const body: InviteCodeResponse = { inviteCode, inviteUrl: inviteLink(publicOrigin(request, deps.publicUrl), sessionId, inviteCode) };
    return body;
  });
}
