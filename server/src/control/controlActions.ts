/**
 * What a `control` payload does and what it is answered: an anonymous reaction (written by the
 * server into a table document), a host's visit to a table (their socket follows its state), or
 * a session action applied by the session's runtime (with the sender's new state in the ack).
 */
import {
  ControlEvent,
  SINGLE_TABLE_ID,
  ballotOf,
  controlActionSchema,
  describeIssue,
  isConveningAction,
  visitActionSchema,
  type ControlAck,
  type SessionAction,
} from '@worktable/shared';
import { isReactPayload, type AnonymousReactions } from './anonymousReactions.js';
import { tableRoom } from './controlRooms.js';
import type { ControlSocket, ControlSocketData } from './controlServer.js';
import { silentAt } from './feedbackRules.js';
import type { SessionRuntime } from './sessionRuntime.js';
import type { SessionSockets } from './sessionSockets.js';

/** The ack when applying an action failed on the server's side. */
const INTERNAL_ACK: ControlAck = { ok: false, error: { code: 'internal', message: 'The server could not apply this; try again.' } };

/** Answers the `control` payloads of every session. */
export class ControlActions {
  constructor(
    private readonly sockets: SessionSockets,
    /** Writes anonymous reactions; without it they are refused. */
    private readonly reactions: AnonymousReactions | undefined,
    private readonly failed: (error: unknown, sessionId: string) => void,
  ) {}

  /** The ack of one `control` payload: a reaction, a host's visit or a session action (the internal-error ack when the server failed). */
  async answer(socket: ControlSocket, runtime: Promise<SessionRuntime>, payload: unknown): Promise<ControlAck> {
    const { sessionId, participantId } = socket.data;
    try {
      const r = await runtime;
      if (isReactPayload(payload)) return await this.react(socket, r, payload);
      const visit = visitActionSchema.safeParse(payload);
      if (visit.success) return this.visit(socket, r, visit.data.tableId);
      const parsed = controlActionSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, error: { code: 'bad_request', message: describeIssue(parsed.error) } };
      await this.sockets.catchUp(r);
      const result = await r.apply(atVisitedTable(parsed.data, socket.data.visiting), participantId);
      if (!result.ok) return result;
      return {
        ok: true,
        state: r.stateFor(this.shownTable(r, socket.data)),
        ballot: ballotOf(r.control, r.tableOf(participantId), participantId),
      };
    } catch (error) {
      this.failed(error, sessionId);
      return INTERNAL_ACK;
    }
  }

  /** A host visits a table (or leaves it, with null): their socket follows that table's state. */
  private visit(socket: ControlSocket, r: SessionRuntime, tableId: string | null): ControlAck {
    const { sessionId, participantId } = socket.data;
    if (!r.actorOf(participantId).isHost) return { ok: false, error: { code: 'forbidden', message: 'Only the host visits tables.' } };
    if (tableId !== null && !r.seating().some((t) => t.id === tableId))
      return { ok: false, error: { code: 'bad_request', message: `There is no table ${tableId}.` } };
    socket.data.visiting = tableId;
    const shown = this.shownTable(r, socket.data);
    this.sockets.place(socket, tableRoom(sessionId, shown));
    const state = r.stateFor(shown);
    socket.emit(ControlEvent.State, state);
    return { ok: true, state };
  }

  /**
   * An anonymous reaction (`react`), written by the server into the table document named, else
   * the one the sender visits or sits at (a session with one table: that table).
   */
  private async react(socket: ControlSocket, r: SessionRuntime, payload: unknown): Promise<ControlAck> {
    const { sessionId, participantId, role } = socket.data;
    const reactions = this.reactions;
    if (!reactions) return { ok: false, error: { code: 'unavailable', message: 'This server does not take anonymous reactions.' } };
    await this.sockets.catchUp(r);
    const shown = this.shownTable(r, socket.data);
    const defaultDocName = shown ?? (r.control.convening ? null : SINGLE_TABLE_ID);
    const refused = await reactions.apply(payload, {
      sessionId,
      participantId,
      role,
      defaultDocName,
      anonymous: r.control.anonymousReactions,
      listensSilentlyAt: (docName) => silentAt(r, docName, participantId),
    });
    return refused ? { ok: false, error: refused } : { ok: true, state: r.stateFor(shown) };
  }

  /** The table whose state a socket receives: the one a host visits, else the one its participant sits at. */
  private shownTable(r: SessionRuntime, data: ControlSocketData): string | null {
    if (data.visiting && r.seating().some((t) => t.id === data.visiting)) return data.visiting;
    return r.tableOf(data.participantId);
  }
}

/** A host visiting a table acts on that table unless they name another. */
function atVisitedTable(action: SessionAction, visiting: string | null | undefined): SessionAction {
  if (
    !visiting ||
    isConveningAction(action) ||
    action.action === 'volunteerHost' ||
    action.action === 'spoke' ||
    action.tableId !== undefined
  )
    return action;
  return { ...action, tableId: visiting };
}
