/**
 * The bearer-token check of the REST API: `Authorization: Bearer <token>` must carry a valid token
 * (signed by us, unexpired) of the session named in the URL. Framework-free: callers turn a
 * refusal into their error response.
 */
import type { TokenClaims, TokenSigner } from './tokens.js';

/** Why a request's bearer token was refused, as the HTTP answer to give. */
export interface BearerRefusal {
  ok: false;
  status: 401 | 403;
  code: 'unauthorized' | 'forbidden';
  message: string;
}

/** Result of checking a request's bearer token against a session. */
export type BearerCheck = { ok: true; claims: TokenClaims } | BearerRefusal;

/** Checks the `Authorization` header of a request to a session's routes. */
export function checkBearer(signer: TokenSigner, authorization: string | undefined, sessionId: string): BearerCheck {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const check = signer.verify(token);
  if (!check.ok) {
    const what = check.reason === 'missing' ? 'send Authorization: Bearer <token>' : `token ${check.reason.replace('_', ' ')}`;
    return { ok: false, status: 401, code: 'unauthorized', message: `${what}; join the session again to get a new token` };
  }
  if (check.claims.sid !== sessionId) {
    return { ok: false, status: 403, code: 'forbidden', message: 'this token belongs to another session' };
  }
  return { ok: true, claims: check.claims };
}
