/**
 * Authentication: the token in `?token=` must pass the one access check (`checkAccess`: signed by
 * us, unexpired, for this session, naming a participant the session still has), and the document must be one the session has (a
 * table's, the plenary's, or the member's own private writing: see `documentAccess`), so one
 * token cannot create documents without end. Runs before the WebSocket handshake so a refusal is
 * a plain HTTP 401/403/404, never an empty document. Private writing documents open for their
 * owner only.
 */
import { CloseCode, documentAccess } from '@worktable/shared';
import { checkAccess, type AccessDeps } from '../../auth/access.js';
import { RelayRejection, type RelayHook } from '../hooks.js';

/** The close code for each refusal of the access check. */
const CLOSE_CODE_OF = { 401: CloseCode.Unauthorized, 403: CloseCode.Forbidden, 404: CloseCode.NotFound } as const;

/** Builds the authentication hook on the one access check. */
export function authHook(deps: AccessDeps): RelayHook {
  return {
    name: 'auth',
    async onAuthenticate(address, token) {
      const decision = await checkAccess(deps, token, address.sessionId);
      if (!decision.ok) throw new RelayRejection(CLOSE_CODE_OF[decision.status], decision.status, decision.message);
      const { claims, member } = decision;
      const access = documentAccess(address.docName, claims.pid);
      if (access === 'not_found') throw new RelayRejection(CloseCode.NotFound, 404, 'this session has no such document');
      // A private writing document opens for its owner only (not even the host) until the reveal.
      if (access === 'forbidden') throw new RelayRejection(CloseCode.Forbidden, 403, 'this private document belongs to someone else');
      return { sessionId: claims.sid, participantId: claims.pid, name: member.name, role: member.role };
    },
  };
}
