/**
 * Who may speak at a table (or in the plenary): a speaking queue — raise a hand, the facilitator
 * or anyone calls the next, the order visible to all — and a talking piece for go rounds
 * (check-in, closing circle, 1-2-4-All's "All"): everyone in turn, each with the same time, the
 * holder or the facilitator passing it on. Pure transitions; `now` is an input. The piece's time
 * is shown and announced, never enforced: a person finishes their sentence.
 */

/** A raised hand. */
export interface RaisedHand {
  participantId: string;
  /** Server epoch ms when it went up. */
  at: number;
}

/** A go round with a talking piece. */
export interface TalkingPiece {
  /** Everyone's turn, in order. */
  order: string[];
  /** Index in `order` of who holds the piece. */
  turn: number;
  perPersonMs: number;
  /** When the holder's time ends (server epoch ms). */
  endsAt: number;
}

/** The speaking state of one table or the plenary. */
export interface SpeakingQueue {
  /** Raised hands, oldest first. */
  hands: RaisedHand[];
  /** Who was called and has the floor, since when; null when nobody was called. */
  speaker: { participantId: string; since: number } | null;
  piece: TalkingPiece | null;
}

/** Talk actions (the `control` payload), each optionally aimed at a table by the host. */
export type TalkAction =
  | { action: 'raiseHand'; up: boolean; tableId?: string }
  | { action: 'callNext'; tableId?: string }
  | { action: 'startPiece'; perPersonMs: number; tableId?: string }
  | { action: 'passPiece'; tableId?: string }
  | { action: 'stopPiece'; tableId?: string };

/** Shortest and longest time per person in a go round. */
export const PIECE_MS = { min: 15_000, max: 10 * 60_000 } as const;

const TALK_ACTIONS: ReadonlySet<string> = new Set(['raiseHand', 'callNext', 'startPiece', 'passPiece', 'stopPiece']);

/** Whether an action is a talk action. */
export function isTalkAction(action: { action: string }): action is TalkAction {
  return TALK_ACTIONS.has(action.action);
}

/** A queue with nobody waiting. */
export const EMPTY_QUEUE: SpeakingQueue = { hands: [], speaker: null, piece: null };

/** Who is asking, and what they may do here. */
export interface TalkActor {
  participantId: string;
  /** The table's facilitator or the session host. */
  leads: boolean;
  /** Sits here (may raise a hand, be in the order). */
  member: boolean;
}

/** The outcome of a talk action. */
export type TalkResult =
  | { ok: true; queue: SpeakingQueue }
  | { ok: false; error: { code: 'forbidden' | 'bad_request' | 'conflict'; message: string } };

const refuse = (code: 'forbidden' | 'bad_request' | 'conflict', message: string): TalkResult => ({ ok: false, error: { code, message } });

/** Applies a talk action at one table; `members` are the people there, in the order a go round takes. */
export function applyTalkAction(
  queue: SpeakingQueue,
  action: TalkAction,
  actor: TalkActor,
  members: readonly string[],
  now: number,
): TalkResult {
  switch (action.action) {
    case 'raiseHand': {
      if (!actor.member) return refuse('forbidden', 'Sit at this table to raise your hand here.');
      const others = queue.hands.filter((h) => h.participantId !== actor.participantId);
      const mine = queue.hands.find((h) => h.participantId === actor.participantId);
      if (action.up)
        return { ok: true, queue: { ...queue, hands: mine ? queue.hands : [...others, { participantId: actor.participantId, at: now }] } };
      const speaker = queue.speaker?.participantId === actor.participantId ? null : queue.speaker;
      return { ok: true, queue: { ...queue, hands: others, speaker } };
    }
    case 'callNext': {
      if (!actor.member && !actor.leads) return refuse('forbidden', 'Only people at this table call the next speaker.');
      const [next, ...rest] = queue.hands;
      if (!next) return { ok: true, queue: { ...queue, speaker: null } };
      return { ok: true, queue: { ...queue, hands: rest, speaker: { participantId: next.participantId, since: now } } };
    }
    case 'startPiece': {
      if (!actor.leads) return refuse('forbidden', 'The facilitator or the host starts a go round.');
      if (!Number.isInteger(action.perPersonMs) || action.perPersonMs < PIECE_MS.min || action.perPersonMs > PIECE_MS.max) {
        return refuse('bad_request', `perPersonMs: between ${PIECE_MS.min / 1000} seconds and ${PIECE_MS.max / 60_000} minutes.`);
      }
      if (members.length === 0) return refuse('conflict', 'Nobody is at this table.');
      return {
        ok: true,
        queue: { ...queue, piece: { order: [...members], turn: 0, perPersonMs: action.perPersonMs, endsAt: now + action.perPersonMs } },
      };
    }
    case 'passPiece': {
      const piece = queue.piece;
      if (!piece) return refuse('conflict', 'No go round is going.');
      if (!actor.leads && piece.order[piece.turn] !== actor.participantId)
        return refuse('forbidden', 'The person holding the piece, or the facilitator, passes it on.');
      const turn = piece.turn + 1;
      if (turn >= piece.order.length) return { ok: true, queue: { ...queue, piece: null } };
      return { ok: true, queue: { ...queue, piece: { ...piece, turn, endsAt: now + piece.perPersonMs } } };
    }
    case 'stopPiece':
      if (!actor.leads) return refuse('forbidden', 'The facilitator or the host ends a go round.');
      if (!queue.piece) return refuse('conflict', 'No go round is going.');
      return { ok: true, queue: { ...queue, piece: null } };
  }
}

/** Who holds the talking piece, or null. */
export function pieceHolder(queue: SpeakingQueue | null): string | null {
  const piece = queue?.piece;
  return piece ? (piece.order[piece.turn] ?? null) : null;
}
