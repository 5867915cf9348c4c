/**
 * The `session:state` payload of one receiver, built from the session control by pure functions:
 * the run they follow (their table's, or the plenary's while everyone is together) plus the
 * convening (tables, round, agenda, gathering, broadcast).
 */
import { RunStatus } from '../protocols/control.js';
import { toRunView, type RunView, type SessionState, type TableEntry, type WireAgenda, type WireTable } from '../protocols/wire.js';
import { toWireVote } from '../record/votes.js';
import { callLinkFor } from '../talk/callLinks.js';
import { BlockKind, PLENARY_RUN, questionOf, roundCountOf } from './agenda.js';
import { blockOfRun, currentBlock, currentRunKeys } from './position.js';
import type { SessionContext, SessionControl, TableSeating } from './sessionTypes.js';
import { runContext, tableOfParticipant, tablesOf } from './tableSeating.js';

/** One table as everyone sees it, with who is new there this round. */
export function wireTableOf(control: SessionControl, table: TableSeating): WireTable {
  const before = control.pastRounds.at(-1)?.tables.find((t) => t.id === table.id);
  const newcomers = before ? table.members.filter((id) => !before.members.includes(id)) : [];
  return { id: table.id, name: table.name, members: table.members, host: table.host, newcomers };
}

/** Every table in full (the host's dashboard). */
export function wireTables(control: SessionControl, context: SessionContext): WireTable[] {
  return tablesOf(control, context).map((table) => wireTableOf(control, table));
}

/** Every table's id and name (`session:tables`), in table order. */
export function tableDirectory(control: SessionControl, context: SessionContext): TableEntry[] {
  return tablesOf(control, context).map((table) => ({ id: table.id, name: table.name }));
}

/** The agenda as everyone sees it (null for a session with one table). */
export function wireAgenda(control: SessionControl): WireAgenda | null {
  if (!control.convening || control.agenda.length === 0) return null;
  const keys = currentRunKeys(control);
  const finished = keys.length > 0 && keys.every((key) => control.runs[key]?.status === RunStatus.Done);
  return {
    blocks: control.agenda.map((block) => ({
      id: block.id,
      kind: block.kind,
      title: block.title,
      round: block.round,
      question: questionOf(block, control.questions),
      durationMs: block.phases.reduce((sum, phase) => sum + phase.durationMs, 0),
      reseat: block.reseat,
    })),
    index: control.block,
    rounds: roundCountOf(control.agenda),
    held: control.hold,
    waiting: finished && control.block < control.agenda.length,
    roundStartedAt: control.seatings.at(-1)?.at ?? null,
  };
}

/**
 * The run key a receiver at `tableId` follows: the plenary's during a plenary block (and after
 * one ends the agenda); people at no table follow `firstTable`'s.
 */
export function shownRunKey(control: SessionControl, tableId: string | null, firstTable: string | null): string {
  const block = currentBlock(control) ?? (control.block >= control.agenda.length ? control.agenda.at(-1) : undefined);
  if (block?.kind === BlockKind.Plenary && control.runs[PLENARY_RUN]) return PLENARY_RUN;
  return tableId ?? firstTable ?? '';
}

/**
 * The state for everyone seated at `tableId` (or, with null, for people at no table: they see
 * the first table's run, which is the round clock when one clock runs every table).
 * `agenda` may be passed in when building several views of one change.
 */
export function sessionStateFor(
  control: SessionControl,
  context: SessionContext,
  tableId: string | null,
  agenda = wireAgenda(control),
): SessionState {
  const tables = tablesOf(control, context);
  const shown = shownRunKey(control, tableId, tables[0]?.id ?? null);
  const seating = tableId === null ? undefined : tables.find((t) => t.id === tableId);
  const key = control.runs[shown] ? shown : (Object.keys(control.runs)[0] ?? '');
  const run = control.runs[key];
  if (!run) throw new Error('a session always has at least one run');
  const view = toRunView(run, runContext(control, context, key));
  const block = blockOfRun(control, key);
  const atTable = tableId !== null && key !== PLENARY_RUN;
  return {
    ...view,
    ...(agenda && { protocolRound: block?.round ?? 0, protocolRounds: agenda.rounds }),
    version: control.version,
    round: control.round,
    tableId,
    table: seating ? wireTableOf(control, seating) : null,
    tableCount: tables.length,
    seatedCount: tables.reduce((sum, t) => sum + t.members.length, 0),
    convening: control.convening,
    clock: control.settings.clock,
    gathering: control.gathering,
    broadcast: control.broadcast,
    agenda,
    spotlight: control.spotlight,
    talk: control.talk[shown] ?? null,
    callLink: callLinkFor(control.callLinks, atTable ? tableId : null),
    vote: control.votes[shown] && (atTable || shown === PLENARY_RUN) ? toWireVote(control.votes[shown]) : null,
    participationShared: control.participationShared,
    talkTimeInRecord: control.talkTimeInRecord,
    anonymousReactions: control.anonymousReactions,
    privateWriting: atTable ? (control.privateWriting[shown] ?? null) : null,
  };
}

/** One run's own view (a table's, or the plenary's with `PLENARY_RUN`), whatever the gathering; null when it has none. */
export function runViewOf(control: SessionControl, context: SessionContext, runKey: string): RunView | null {
  const run = control.runs[runKey];
  return run ? toRunView(run, runContext(control, context, runKey)) : null;
}

/** The state a given participant receives. */
export function sessionStateOf(control: SessionControl, context: SessionContext, participantId: string): SessionState {
  return sessionStateFor(control, context, tableOfParticipant(control, context, participantId));
}
