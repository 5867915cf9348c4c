/**
 * Schemas of what browsers send on the control channel (see wire.ts): session actions, a host's
 * visit, anonymous reactions. Validated on the server; apart from the wire types so that a bundle
 * needing only those (the browser's table) leaves zod out.
 */
import { z } from 'zod';
import { ROLE_NAMES, type RoleName } from './definition.js';
import { MAX_FOCUS_CHARS } from './control.js';
import { MAX_VOTE_DOTS, MAX_VOTE_ITEMS } from '../record/votes.js';
import { MAX_SPOKEN_REPORT_MS } from '../talk/speakingTime.js';
import { MAX_AGENDA_PARTS, PartPlace } from '../convening/compose.js';
import { ClockMode, Gathering, MAX_TABLES, MAX_BROADCAST_CHARS, PLENARY_DOC, type SessionAction } from '../convening/sessionTypes.js';
import { REACTIONS, REACTION_ITEM_ID_PATTERN, type ReactionId } from '../reactions.js';
import { isTableId } from '../convening/docNames.js';

const role = z.enum(ROLE_NAMES as [RoleName, ...RoleName[]]);

const tableId = z.string().refine(isTableId, `must be a table id from table-1 to table-${MAX_TABLES}`);
const participantId = z.string().min(1).max(64);
/** A run action's payload, optionally aimed at one table. */
const run = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, tableId: tableId.optional() });
/** A vote action's payload, optionally aimed at one table or at the plenary. */
const voteAt = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, tableId: z.union([tableId, z.literal('plenary')]).optional() });

/** Schema of the `control` event's payload: a table run action or a convening action. */
export const controlActionSchema: z.ZodType<SessionAction> = z.discriminatedUnion('action', [
  run({ action: z.literal('start') }),
  run({ action: z.literal('pause') }),
  run({ action: z.literal('resume') }),
  run({ action: z.literal('next') }),
  run({ action: z.literal('back') }),
  run({ action: z.literal('extend'), ms: z.number().int().positive() }),
  run({ action: z.literal('rotate') }),
  run({ action: z.literal('assign'), role, participantId, lock: z.boolean().optional() }),
  run({ action: z.literal('unlock'), role }),
  run({ action: z.literal('ready'), ready: z.boolean() }),
  run({ action: z.literal('pass'), role }),
  run({ action: z.literal('accept') }),
  run({ action: z.literal('focus'), text: z.string().max(MAX_FOCUS_CHARS * 2) }),
  z.strictObject({
    action: z.literal('seat'),
    tableCount: z.number().int().min(1).max(MAX_TABLES).optional(),
    tableSize: z.number().int().min(2).max(50).optional(),
    clock: z.enum([ClockMode.Shared, ClockMode.PerTable]).optional(),
    includeHost: z.boolean().optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  }),
  z.strictObject({ action: z.literal('startRound') }),
  z.strictObject({ action: z.literal('endRound') }),
  z.strictObject({ action: z.literal('hold'), on: z.boolean() }),
  z.strictObject({ action: z.literal('spotlight'), tableId: tableId.nullable() }),
  z.strictObject({
    action: z.literal('composeAgenda'),
    parts: z
      .array(
        z.strictObject({
          protocolId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a protocol id'),
          place: z.enum([PartPlace.Plenary, PartPlace.Tables, PartPlace.Own]),
        }),
      )
      .min(1)
      .max(MAX_AGENDA_PARTS),
  }),
  z.strictObject({
    action: z.literal('question'),
    blockId: z.string().regex(/^round-[0-9]{1,2}$/, 'must be a round id like round-2'),
    text: z.string().max(500),
  }),
  z.strictObject({ action: z.literal('move'), participantId, tableId }),
  z.strictObject({ action: z.literal('pin'), participantId, tableId: tableId.nullable(), host: z.boolean().optional() }),
  z.strictObject({ action: z.literal('summon'), to: z.enum([Gathering.Plenary, Gathering.Tables]) }),
  z.strictObject({ action: z.literal('broadcast'), message: z.string().max(MAX_BROADCAST_CHARS * 2) }),
  z.strictObject({ action: z.literal('shareParticipation'), visible: z.boolean() }),
  z.strictObject({ action: z.literal('anonymousReactions'), on: z.boolean() }),
  z.strictObject({ action: z.literal('talkTimeInRecord'), on: z.boolean() }),
  z.strictObject({ action: z.literal('spoke'), ms: z.number().int().min(1).max(MAX_SPOKEN_REPORT_MS) }),
  z.strictObject({ action: z.literal('volunteerHost') }),
  z.strictObject({ action: z.literal('callLink'), tableId: tableId.nullable(), url: z.string().max(2000).nullable() }),
  run({ action: z.literal('raiseHand'), up: z.boolean() }),
  run({ action: z.literal('callNext') }),
  run({ action: z.literal('startPiece'), perPersonMs: z.number().int() }),
  run({ action: z.literal('passPiece') }),
  run({ action: z.literal('stopPiece') }),
  run({ action: z.literal('startPrivate'), anonymous: z.boolean().optional() }),
  run({ action: z.literal('reveal') }),
  voteAt({
    action: z.literal('openVote'),
    items: z.array(z.string().min(1).max(64)).min(1).max(MAX_VOTE_ITEMS),
    dots: z.number().int().min(1).max(MAX_VOTE_DOTS),
    maxPerItem: z.number().int().min(1).max(MAX_VOTE_DOTS).optional(),
    title: z.string().max(240).optional(),
  }),
  voteAt({ action: z.literal('vote'), itemId: z.string().min(1).max(64), count: z.number().int().min(0).max(MAX_VOTE_DOTS) }),
  voteAt({ action: z.literal('revealVote') }),
  voteAt({ action: z.literal('closeVote') }),
]);

/**
 * A host looks at one table from the inside (`visit`), or leaves it (`tableId: null`): their
 * `session:state` becomes that table's (with `tableId` set to it) until they leave. Not a change
 * of the session, so nothing is stored and nobody else is told.
 */
export const visitActionSchema = z.strictObject({ action: z.literal('visit'), tableId: tableId.nullable() });
/** A `visit` payload. */
export type VisitAction = z.infer<typeof visitActionSchema>;

/**
 * Gives (`on: true`) or takes back (`on: false`) your anonymous reaction to an item (an artifact
 * or a thread) of a table document (`tableId`: a table or the plenary; by default the table you
 * visit or sit at). The server writes it under your pseudonym, so no browser's Yjs client id is
 * on it; taking back removes only your own. Not a change of the session's control state.
 */
export const reactActionSchema = z.strictObject({
  action: z.literal('react'),
  tableId: z.union([tableId, z.literal(PLENARY_DOC)]).optional(),
  itemId: z.string().regex(REACTION_ITEM_ID_PATTERN, 'must be an item id: 1 to 64 letters, digits, - or _'),
  reaction: z.enum(REACTIONS.map((r) => r.id) as [ReactionId, ...ReactionId[]]),
  on: z.boolean(),
});
/** A `react` payload. */
export type ReactAction = z.infer<typeof reactActionSchema>;
