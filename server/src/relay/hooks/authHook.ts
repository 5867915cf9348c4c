/**
 * Authentication: the token in `?token=` must be signed by us, unexpired, for this session, and
 * name a participant the session still has, and the document must be one the session has (a
 * table's, the plenary's, or the member's own private writing: see `documentAccess`), so one
 * token cannot create documents without end. Runs before the WebSocket handshake so a refusal is
 * a plain HTTP 401/403/404, never an empty document. Private writing documents open for their
 * owner only.
 */
import { CloseCode, documentAccess } from '@worktable/shared';
import type { TokenSigner } from '../../auth/tokens.js';
import type { StoragePort } from '../../storage/port.js';
import { RelayRejection, type RelayHook } from '../hooks.js';

/** Builds the authentication hook. */
export function authHook(signer: TokenSigner, storage: StoragePort): RelayHook {
  return {
    name: 'auth',
    async onAuthenticate(address, token) {
      const check = signer.verify(token);
      if (!check.ok) {
        throw new RelayRejection(CloseCode.Unauthorized, 401, `token ${check.reason.replace('_', ' ')}`);
      }
      const { claims } = check;
      if (claims.sid !== address.sessionId) {
        throw new RelayRejection(CloseCode.Forbidden, 403, 'token belongs to another session');
      }
      const participant = await storage.getParticipant(claims.sid, claims.pid);
      if (!participant) throw new RelayRejection(CloseCode.Forbidden, 403, 'participant is not in this session');
      const access = documentAccess(address.docName, claims.pid);
      if (access === 'not_found') throw new RelayRejection(CloseCode.NotFound, 404, 'this session has no such document');
      // A private writing document opens for its owner only (not even the host) until the reveal.
      if (access === 'forbidden') throw new RelayRejection(CloseCode.Forbidden, 403, 'this private document belongs to someone else');
      return { sessionId: claims.sid, participantId: claims.pid, role: participant.role };
    },
  };
}
