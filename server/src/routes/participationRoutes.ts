/**
 * `GET /api/sessions/:sessionId/participation`: who has put what on the table, given which
 * feedback, voted, held which roles and held the floor. The host and the facilitators see
 * everyone (everyone does when the host shares it); anyone else sees their own row.
 */
import type { FastifyInstance } from 'fastify';
import { SessionRole, computeParticipation, type Protocol } from '@worktable/shared';
import type { TokenSigner } from '../auth/tokens.js';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import { protocolOfSession } from '../protocols/sessionProtocol.js';
import { collectRecord } from '../record/collect.js';
import type { StoragePort } from '../storage/port.js';
import { sendError } from './httpErrors.js';
import { requireMember } from './memberAccess.js';

/** Dependencies of the participation route. */
export interface ParticipationDeps {
  storage: StoragePort;
  signer: TokenSigner;
  history: HistoryRecorder;
  findProtocol: (id: string) => Protocol | undefined;
}

/** Registers the participation route. */
export async function participationRoutes(app: FastifyInstance, deps: ParticipationDeps): Promise<void> {
  app.get<{ Params: { sessionId: string } }>('/api/sessions/:sessionId/participation', async (request, reply) => {
    const { sessionId } = request.params;
    const member = await requireMember(request, reply, deps, sessionId);
    if (!member) return reply;
    const session = await deps.storage.getSession(sessionId);
    const protocol = session ? protocolOfSession(session, deps.findProtocol) : undefined;
    if (!protocol) return sendError(reply, 404, 'not_found', 'this session’s protocol is no longer available');
    const data = await collectRecord(sessionId, { ...deps, protocol, now: Date.now(), withUploads: false });
    const rows = computeParticipation({
      people: data.people,
      artifacts: data.tables.flatMap((t) => t.content.artifacts),
      threads: data.tables.flatMap((t) => t.content.threads),
      dotsBy: [...data.tables.flatMap((t) => t.votes.map((v) => v.dotsBy)), ...data.openVoteDots],
      phases: data.tables.flatMap((t) => t.phases).sort((a, b) => a.endedAt - b.endedAt),
      tableHosts: data.tables.flatMap((t) => t.seating.map((s) => ({ round: s.round, host: s.host }))),
      protocol,
      spoken: data.control?.spoken,
    });
    const facilitates = Object.values(data.control?.runs ?? {}).some((run) => run.roles.facilitator === member.participantId);
    const all = member.role === SessionRole.Host || facilitates || data.control?.participationShared === true;
    return { scope: all ? 'all' : 'self', rows: all ? rows : rows.filter((r) => r.participantId === member.participantId) };
  });
}
