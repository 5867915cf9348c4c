/**
 * Who may create a session (`POST /api/sessions`): with `CREATE_SESSION_SECRET` set, only who
 * sends it in `X-Create-Session-Secret` (compared in constant time); and every address only as
 * often as `SESSIONS_PER_ADDRESS_PER_HOUR` allows. Joining with an invite code passes neither.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CREATE_SESSION_SECRET_HEADER, CreateSessionSecretError } from '@worktable/shared';
import { secretsEqual } from '../auth/randomIds.js';
import type { SessionQuota } from '../security/sessionQuota.js';
import { sendError, sendTooManyRequests } from './httpErrors.js';

/** What the gate checks. */
export interface SessionCreationGate {
  /** The organization's secret, or undefined when anyone may create a session. */
  secret: string | undefined;
  /** Sessions per client address (absent: unlimited). */
  quota?: SessionQuota;
  /** Told each request refused for the secret (for the metrics). */
  onSecretRefused?: () => void;
}

/** Whether the request carries the secret (or none is needed); sends 401/403 and returns false otherwise. */
export function secretAccepted(request: FastifyRequest, reply: FastifyReply, gate: SessionCreationGate): boolean {
  if (gate.secret === undefined) return true;
  const sent = request.headers[CREATE_SESSION_SECRET_HEADER];
  if (typeof sent !== 'string' || sent === '') {
    gate.onSecretRefused?.();
    sendError(
      reply,
      401,
      CreateSessionSecretError.Required,
      'this server asks for your organization’s secret to start a session; enter it (whoever runs Worktable for your organization has it)',
    );
    return false;
  }
  if (!secretsEqual(sent, gate.secret)) {
    gate.onSecretRefused?.();
    sendError(
      reply,
      403,
      CreateSessionSecretError.Wrong,
      'this is not the organization’s secret; check it with whoever runs Worktable for your organization and enter it again',
    );
    return false;
  }
  return true;
}

/** Spends one session of the client address's allowance; sends 429 with `Retry-After` and returns false when none is left. */
export async function quotaTaken(request: FastifyRequest, reply: FastifyReply, gate: SessionCreationGate): Promise<boolean> {
  const wait = (await gate.quota?.take(request.ip)) ?? 0;
  if (wait === 0) return true;
  const minutes = Math.ceil(wait / 60);
  sendTooManyRequests(
    reply,
    wait,
    `too many sessions created from this network address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  );
  return false;
}
