/**
 * The one access check: does this token belong to a current member of this session, with the role
 * asked for? Every session-scoped REST route (through `requireMember`), the uploads, the relay's
 * handshake and the control plane's handshake decide with it, so a member the host removed is
 * refused everywhere at once (their participant row is gone, and with it every token naming them).
 * Framework-free: callers turn a refusal into their own answer (HTTP error, close code, connect error).
 */
import { SESSION_ID_PATTERN, SessionRole, canWrite } from '@worktable/shared';
import type { ParticipantRecord, StoragePort } from '../storage/port.js';
import type { TokenClaims, TokenSigner } from './tokens.js';

/** What the access check reads: the signer that verifies tokens and the store of members. */
export interface AccessDeps {
  signer: TokenSigner;
  storage: StoragePort;
}

/** The role an action needs beyond membership, and what to tell someone without it. */
export type AccessNeed = { role: 'member' } | { role: 'writer' | 'host'; refusal: string };

/** Membership alone. */
export const ANY_MEMBER: AccessNeed = { role: 'member' };

/** Why access was refused, as the HTTP answer to give (401: the token; 403: who; 404: what). */
export interface AccessRefusal {
  ok: false;
  status: 401 | 403 | 404;
  code: 'unauthorized' | 'forbidden' | 'not_found';
  message: string;
}

/** The outcome of the access check: the member with their token's claims, or the refusal. */
export type AccessDecision = { ok: true; claims: TokenClaims; member: ParticipantRecord } | AccessRefusal;

const NO_SESSION: AccessRefusal = { ok: false, status: 404, code: 'not_found', message: 'no session with this id' };

/** The token of an `Authorization: Bearer <token>` header, if it has one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/**
 * Decides access for `token` to `sessionId` (null: the session the token names, for connections
 * that do not name one) with the role `need` asks for.
 */
export async function checkAccess(
  deps: AccessDeps,
  token: string | null | undefined,
  sessionId: string | null,
  need: AccessNeed = ANY_MEMBER,
): Promise<AccessDecision> {
  if (sessionId !== null && !SESSION_ID_PATTERN.test(sessionId)) return NO_SESSION;
  const verified = deps.signer.verify(token);
  if (!verified.ok) {
    const what = verified.reason === 'missing' ? 'send Authorization: Bearer <token>' : `token ${verified.reason.replace('_', ' ')}`;
    return { ok: false, status: 401, code: 'unauthorized', message: `${what}; join the session again to get a new token` };
  }
  const { claims } = verified;
  if (sessionId !== null && claims.sid !== sessionId) {
    return { ok: false, status: 403, code: 'forbidden', message: 'this token belongs to another session' };
  }
  const member = await deps.storage.getParticipant(claims.sid, claims.pid);
  if (!member) {
    if (!(await deps.storage.getSession(claims.sid))) return NO_SESSION;
    return { ok: false, status: 403, code: 'forbidden', message: 'you are no longer a participant of this session' };
  }
  if (need.role !== 'member') {
    const allowed = need.role === 'writer' ? canWrite(member.role) : member.role === SessionRole.Host;
    if (!allowed) return { ok: false, status: 403, code: 'forbidden', message: need.refusal };
  }
  return { ok: true, claims, member };
}
