/**
 * The sessions API: create a session (the caller becomes its host), join with an invite code,
 * and read a session with a bearer token. Documented in docs/API.md.
 */
import type { FastifyInstance } from 'fastify';
import {
  SESSION_ID_PATTERN,
  SessionRole,
  createSessionBody,
  describeIssue,
  joinSessionBody,
  type CreateSessionResponse,
  type JoinSessionResponse,
  type Protocol,
  type SessionView,
  validateProtocol,
} from '@worktable/shared';
import { newInviteCode, newParticipantId, newSessionId, secretsEqual } from '../auth/randomIds.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { ParticipantRecord, SessionRecord, StoragePort } from '../storage/port.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import type { RateLimiter } from '../security/rateLimit.js';
import { sendError, sendTooManyRequests } from './httpErrors.js';
import { requireMember } from './memberAccess.js';
import { quotaTaken, secretAccepted, type SessionCreationGate } from './sessionCreationGate.js';
import { inviteLink } from './inviteCodeRoutes.js';
import { publicOrigin } from './publicOrigin.js';

/** Dependencies of the session routes. */
export interface SessionDeps {
  storage: StoragePort;
  signer: TokenSigner;
  /** Base of links given to people, e.g. `https://worktable.example.org`; the request's origin when unset. */
  publicUrl: string | undefined;
  /** Known protocols (a session may only name one of these). */
  findProtocol: (id: string) => Protocol | undefined;
  /** Wrong invite codes per client address and session (absent: unlimited); a right code is never refused by it. */
  joinLimit?: RateLimiter;
  /** Who may create a session and how often (absent: anyone, without limit). */
  creation?: SessionCreationGate;
}

type SessionParams = { Params: { sessionId: string } };

/** The session as `you` see it: what `GET /api/sessions/:sessionId` answers, and a join too. */
function sessionView(session: SessionRecord, participants: readonly ParticipantRecord[], you: SessionView['you']): SessionView {
  return {
    sessionId: session.sessionId,
    title: session.title,
    protocol: session.protocol,
    createdAt: new Date(session.createdAt).toISOString(),
    you,
    participants: participants.map((p) => ({
      participantId: p.participantId,
      name: p.name,
      role: p.role,
      joinedAt: new Date(p.joinedAt).toISOString(),
      organization: p.organization ?? null,
      systemRole: p.systemRole ?? null,
    })),
  };
}

/** Registers the `/api/sessions` routes. */
export async function sessionRoutes(app: FastifyInstance, deps: SessionDeps): Promise<void> {
  const { storage, signer } = deps;

  const creation: SessionCreationGate = deps.creation ?? { secret: undefined };

  app.post('/api/sessions', async (request, reply) => {
    if (!secretAccepted(request, reply, creation)) return reply;
    const parsed = createSessionBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendError(reply, 400, 'bad_request', describeIssue(parsed.error));
    const { title, hostName } = parsed.data;
    let protocol = parsed.data.protocol;
    let customProtocol: Protocol | null = null;
    if (parsed.data.customProtocol !== undefined) {
      const checked = validateProtocol(parsed.data.customProtocol);
      if (!checked.ok) return sendError(reply, 400, 'bad_request', `customProtocol.${checked.path}: ${checked.message}`);
      customProtocol = checked.protocol;
      protocol = checked.protocol.id;
    } else if (protocol !== undefined && !deps.findProtocol(protocol)) {
      return sendError(reply, 400, 'bad_request', `protocol: no protocol "${protocol}"; GET /api/protocols lists them`);
    }
    // Spent only by a request that will create: bad bodies and wrong secrets never use the allowance up.
    if (!(await quotaTaken(request, reply, creation))) return reply;
    const now = Date.now();
    const sessionId = newSessionId();
    const inviteCode = newInviteCode();
    const participantId = newParticipantId();
    await storage.createSession(
      { sessionId, title, protocol: protocol ?? null, inviteCode, createdAt: now, customProtocol },
      { participantId, sessionId, name: hostName ?? 'Host', role: SessionRole.Host, joinedAt: now },
    );
    const body: CreateSessionResponse = {
      sessionId,
      hostToken: signer.sign({ sid: sessionId, pid: participantId, role: SessionRole.Host }),
      participantId,
      inviteCode,
      inviteUrl: inviteLink(publicOrigin(request, deps.publicUrl), sessionId, inviteCode),
    };
    return reply.code(201).send(body);
  });

  app.post<SessionParams>('/api/sessions/:sessionId/join', async (request, reply) => {
    const { sessionId } = request.params;
    const session = SESSION_ID_PATTERN.test(sessionId) ? await storage.getSession(sessionId) : null;
    if (!session) return sendError(reply, 404, 'not_found', 'no session with this id; check the invite link');
    const parsed = joinSessionBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendError(reply, 400, 'bad_request', describeIssue(parsed.error));
    const { inviteCode, name, role = SessionRole.Participant, organization = null, systemRole = null } = parsed.data;
    if (!secretsEqual(inviteCode, session.inviteCode)) {
      // Counted per address and session, and only for wrong codes: someone guessing at one table
      // (or a typo storm behind a shared address) never keeps the right code out of any session.
      const key = `${request.ip} ${sessionId}`;
      const wait = deps.joinLimit?.retryAfter(key) ?? 0;
      if (wait > 0)
        return sendTooManyRequests(reply, wait, `too many wrong invite codes for this session from here; try again in ${wait} s`);
      deps.joinLimit?.take(key);
      return sendError(reply, 403, 'forbidden', 'this invite code is not valid for the session; ask the host for the link');
    }
    const participantId = newParticipantId();
    await storage.addParticipant({ participantId, sessionId, name, role, joinedAt: Date.now(), organization, systemRole });
    const body: JoinSessionResponse = {
      participantId,
      token: signer.sign({ sid: sessionId, pid: participantId, role }),
      // The page opens the table next: with the session here, it need not ask for it first.
      session: sessionView(session, await storage.listParticipants(sessionId), { participantId, role }),
    };
    return reply.code(201).send(body);
  });

  app.get<SessionParams>('/api/sessions/:sessionId/protocol', async (request, reply) => {
    const { sessionId } = request.params;
    if (!(await requireMember(request, reply, deps, sessionId))) return reply;
    const session = await storage.getSession(sessionId);
    if (!session) return sendError(reply, 404, 'not_found', 'no session with this id');
    const protocol = protocolOfSession(session, deps.findProtocol);
    if (!protocol) return sendError(reply, 404, 'not_found', 'this session’s protocol is no longer available');
    reply.header('content-disposition', `attachment; filename="${protocol.id}.protocol.json"`);
    return protocol;
  });

  app.get<SessionParams>('/api/sessions/:sessionId', async (request, reply) => {
    const { sessionId } = request.params;
    const you = await requireMember(request, reply, deps, sessionId);
    if (!you) return reply;
    const [session, participants] = await Promise.all([storage.getSession(sessionId), storage.listParticipants(sessionId)]);
    if (!session) return sendError(reply, 404, 'not_found', 'no session with this id');
    return sessionView(session, participants, { participantId: you.participantId, role: you.role });
  });
}
