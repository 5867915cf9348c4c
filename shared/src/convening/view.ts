/**
 * The `session:state` payload of one receiver, built from the session control by pure functions:
 * the run of the receiver's table plus the convening (tables, round, gathering, broadcast).
 */
import { toRunView, type SessionState, type WireTable } from '../protocols/wire.js';
import { toWireVote } from '../record/votes.js';
import { runContext, tableOfParticipant, tablesOf, type SessionContext, type SessionControl, type TableSeating } from './session.js';

/** The tables with, for each, who is new there this round. */
export function wireTables(control: SessionControl, context: SessionContext): WireTable[] {
  const previous = control.pastRounds.at(-1)?.tables ?? [];
  return tablesOf(control, context).map((table: TableSeating) => {
    const before = previous.find((t) => t.id === table.id);
    const newcomers = before ? table.members.filter((id) => !before.members.includes(id)) : [];
    return { id: table.id, name: table.name, members: table.members, host: table.host, newcomers };
  });
}

/**
 * The state for everyone seated at `tableId` (or, with null, for people at no table: they see
 * the first table's run, which is the round clock when one clock runs every table).
 * `tables` may be passed in when building several views of one change.
 */
export function sessionStateFor(control: SessionControl, context: SessionContext, tableId: string | null, tables = wireTables(control, context)): SessionState {
  const shown = tableId ?? tables[0]?.id ?? '';
  const run = control.runs[shown] ?? Object.values(control.runs)[0];
  if (!run) throw new Error('a session always has at least one table run');
  const view = toRunView(run, runContext(control, context, shown));
  return {
    ...view,
    version: control.version,
    round: control.round,
    tableId,
    tables,
    convening: control.convening,
    clock: control.settings.clock,
    gathering: control.gathering,
    broadcast: control.broadcast,
    vote: control.votes[shown] && tableId !== null ? toWireVote(control.votes[shown]) : null,
    participationShared: control.participationShared,
    anonymousReactions: control.anonymousReactions,
    privateWriting: tableId !== null ? (control.privateWriting[shown] ?? null) : null,
  };
}

/** The state a given participant receives. */
export function sessionStateOf(control: SessionControl, context: SessionContext, participantId: string): SessionState {
  return sessionStateFor(control, context, tableOfParticipant(control, context, participantId));
}
