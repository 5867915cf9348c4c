/**
 * Authentication: the token in `?token=` must be signed by us, unexpired, for this session, and
 * name a participant the session still has. Runs before the WebSocket handshake so a refusal is
 * a plain HTTP 401/403/404, never an empty document. Private writing documents open for their
 * owner only.
 */
import { CloseCode, isPrivateDocName, parsePrivateDocName } from '@worktable/shared';
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
      // A private writing document opens for its owner only (not even the host) until the reveal.
      if (isPrivateDocName(address.docName) && parsePrivateDocName(address.docName)?.participantId !== claims.pid) {
        throw new RelayRejection(CloseCode.Forbidden, 403, 'this private document belongs to someone else');
      }
      return { sessionId: claims.sid, participantId: claims.pid, role: participant.role };
    },
  };
}
