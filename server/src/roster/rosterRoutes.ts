/**
 * The host's roster: `POST /api/sessions/:sessionId/roster` imports people from CSV (each gets a
 * personal link; their pins and table hosts are applied as the host would) and `GET` lists the
 * roster with fresh links. Host only. A roster with any problem is refused whole, naming the
 * lines, and changes nothing. Documented in docs/API.md.
 */
import type { FastifyInstance } from 'fastify';
import {
  describeIssue,
  describeRosterProblem,
  importRosterBody,
  parseRoster,
  rosterTableProblems,
  type RosterColumns,
  type RosterImportResult,
  type RosterSeat,
  type SessionControl,
} from '@worktable/shared';
import { newParticipantId } from '../auth/randomIds.js';
import type { TokenSigner } from '../auth/tokens.js';
import { sendError } from '../routes/httpErrors.js';
import { requireMember } from '../routes/memberAccess.js';
import { publicOrigin } from '../routes/publicOrigin.js';
import type { ParticipantRecord, StoragePort } from '../storage/port.js';
import { planRosterImport } from './rosterImport.js';
import { rosterView } from './rosterLinks.js';

/** What the roster routes need from the server around them. */
export interface RosterDeps {
  storage: StoragePort;
  signer: TokenSigner;
  /** Base of links given to people; the request's origin when unset. */
  publicUrl: string | undefined;
  /** The session's control state now (the roster's pins are checked against its seating). */
  controlOf(sessionId: string): Promise<Pick<SessionControl, 'convening' | 'settings'>>;
  /**
   * The roster was stored: the control plane learns the people (on every node) and applies the
   * roster's pins and table hosts as the host, in one change. Resolves with the refusal, if any.
   */
  rosterImported(
    sessionId: string,
    hostId: string,
    people: readonly ParticipantRecord[],
    seats: readonly RosterSeat[],
    columns: RosterColumns,
  ): Promise<{ ok: true } | { ok: false; error: { message: string } }>;
}

/** A roster's request body may be this large (a thousand people with long names, as JSON). */
const ROSTER_BODY_LIMIT = 1024 * 1024;
/** How many problems a refusal lists before "and N more". */
const PROBLEMS_LISTED = 5;

/** "line 4: name: is required; line 9: …" with at most `PROBLEMS_LISTED`, then how many more. */
function listProblems(problems: readonly string[]): string {
  const more = problems.length - PROBLEMS_LISTED;
  return `${problems.slice(0, PROBLEMS_LISTED).join('; ')}${more > 0 ? `; and ${more} more` : ''}. Correct the roster and import it again`;
}

type RosterParams = { Params: { sessionId: string } };

/** Registers `GET` and `POST /api/sessions/:sessionId/roster`. */
export async function rosterRoutes(app: FastifyInstance, deps: RosterDeps): Promise<void> {
  app.get<RosterParams>('/api/sessions/:sessionId/roster', async (request, reply) => {
    const { sessionId } = request.params;
    if (
      !(await requireMember(request, reply, deps, sessionId, {
        role: 'host',
        refusal: 'only the host sees the roster and its personal links',
      }))
    )
      return reply;
    return rosterView(deps.signer, publicOrigin(request, deps.publicUrl), sessionId, await deps.storage.listParticipants(sessionId));
  });

  app.post<RosterParams>('/api/sessions/:sessionId/roster', { bodyLimit: ROSTER_BODY_LIMIT }, async (request, reply) => {
    const { sessionId } = request.params;
    const member = await requireMember(request, reply, deps, sessionId, { role: 'host', refusal: 'only the host can import a roster' });
    if (!member) return reply;
    const body = importRosterBody.safeParse(request.body ?? {});
    if (!body.success) return sendError(reply, 400, 'bad_request', describeIssue(body.error));
    const roster = parseRoster(body.data.csv);
    if (roster.problems.length > 0) return sendError(reply, 400, 'bad_request', listProblems(roster.problems.map(describeRosterProblem)));
    const tableProblems = rosterTableProblems(roster.people, await deps.controlOf(sessionId));
    if (tableProblems.length > 0) return sendError(reply, 400, 'bad_request', listProblems(tableProblems));

    const plan = planRosterImport(sessionId, await deps.storage.listParticipants(sessionId), roster.people, newParticipantId, Date.now());
    await deps.storage.saveRoster(sessionId, plan.changes);
    const participants = await deps.storage.listParticipants(sessionId);
    const imported = new Set(plan.seats.map((s) => s.participantId));
    const applied = await deps.rosterImported(
      sessionId,
      member.participantId,
      participants.filter((p) => imported.has(p.participantId)),
      plan.seats,
      roster.columns,
    );
    if (!applied.ok) {
      return sendError(
        reply,
        409,
        'conflict',
        `the people were imported, but their pins and table hosts could not be set: ${applied.error.message} Import the roster again, or pin them on the dashboard`,
      );
    }
    request.log.info({ session: sessionId, added: plan.changes.add.length, updated: plan.changes.update.length }, 'roster imported');
    const result: RosterImportResult = {
      ...rosterView(deps.signer, publicOrigin(request, deps.publicUrl), sessionId, participants),
      added: plan.changes.add.length,
      updated: plan.changes.update.length,
    };
    return result;
  });
}
