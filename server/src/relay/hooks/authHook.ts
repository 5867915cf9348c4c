/**
 * Authentication: the token in `?token=` must be signed by us, unexpired, for this session, and
 * name a participant the session still has. Runs before the WebSocket handshake so a refusal is
 * a plain HTTP 401/403/404, never an empty document.
 */
import { CloseCode } from '@worktable/shared';
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
      return { sessionId: claims.sid, participantId: claims.pid, role: participant.role };
    },
  };
}
