/**
 * Where the viewer is in a convening, as pure functions of the server's `session:state`: which
 * document to open (their table, or the plenary), the header's "Table 3 · Round 2", and what the
 * live region says when the host reseats people or summons everyone.
 */
import { Gathering, PLENARY_DOC, SINGLE_TABLE_ID, type SessionState, type TableEntry, type WireTable } from '@worktable/shared';
import type { SessionView } from '../protocol/sessionView.js';

/** The parts of the state that decide where someone is. */
export type PlaceState = Pick<SessionView, 'gathering' | 'tableId' | 'convening' | 'round' | 'tables' | 'table'> &
  Partial<Pick<SessionState, 'spotlight' | 'agenda'>>;

/**
 * The document to open: the table the host shows to everyone, if any; the table a host chose to
 * visit (even while everyone is in the plenary); the plenary while everyone is together; else the
 * viewer's table, or the plenary for someone at no table. A session that is not a convening has
 * its single table.
 */
export function docNameFor(state: PlaceState, visit: string | null = null): string {
  if (state.spotlight && state.tables.some((t) => t.id === state.spotlight)) return state.spotlight;
  if (visit && state.tables.some((t) => t.id === visit)) return visit;
  if (state.gathering === Gathering.Plenary) return PLENARY_DOC;
  if (state.tableId) return state.tableId;
  return state.convening ? PLENARY_DOC : SINGLE_TABLE_ID;
}

/**
 * The state as it concerns the viewer's own seat: a host visiting a table gets that table's state
 * (`tableId` set to it) without sitting there, so for them `tableId` goes back to null. Anyone
 * seated at `tableId`, a table not in the seating, and sessions that are not convenings keep the
 * state as it is.
 */
export function ownPlace<S extends PlaceState>(state: S, me: string): S {
  if (!state.convening) return state;
  const table = shownTableOf(state);
  return table && !table.members.includes(me) ? { ...state, tableId: null, table: null } : state;
}

/**
 * The table a host at no table looks at from the inside, to tell the server (`visit`): the one
 * they chose while people sit at tables; null at the plenary, when they are seated themselves, or
 * when the chosen table is not in this round's seating.
 */
export function visitTarget(state: PlaceState | null, me: { participantId: string; role: string }, chosen: string | null): string | null {
  if (!state || me.role !== 'host' || !state.convening || state.gathering !== Gathering.Tables || chosen === null) return null;
  if (ownPlace(state, me.participantId).tableId !== null) return null;
  return tableOf(state, chosen) ? chosen : null;
}

/** The table the state is about (the viewer's seat, or the table a host visits) in full, or null. */
export function shownTableOf(state: Pick<SessionState, 'table' | 'tableId'>): WireTable | null {
  return state.table && state.table.id === state.tableId ? state.table : null;
}

/** The table `tableId`, if the session has it now. */
export function tableOf(state: { tables: readonly TableEntry[] }, tableId: string | null): TableEntry | null {
  return tableId ? (state.tables.find((t) => t.id === tableId) ?? null) : null;
}

/** A table's name for people ("Table 3"), falling back to its id. */
export function tableNameOf(state: { tables: readonly TableEntry[] }, tableId: string): string {
  return tableOf(state, tableId)?.name ?? tableId.replace(/^table-(\d+)$/, 'Table $1');
}

/**
 * The header's place line, e.g. "Table 3 · Round 2", "Plenary · Round 2" (called there during a
 * round) or "Plenary · Harvest" (a plenary part of the agenda); null outside convenings.
 */
export function placeLabel(state: PlaceState, docName: string): string | null {
  if (!state.convening) return null;
  const where = docName === PLENARY_DOC ? 'Plenary' : tableNameOf(state, docName);
  const block = state.agenda?.blocks[state.agenda.index];
  if (block?.kind === 'plenary' && docName === PLENARY_DOC) return `${where} · ${block.title}`;
  if (state.agenda && state.agenda.index >= state.agenda.blocks.length) return `${where} · after the agenda`;
  return state.round > 0 ? `${where} · Round ${state.round}` : where;
}

/**
 * What to announce when the convening changes between two states (null for nothing): a summon to
 * the plenary and back, a new seat ("You moved to Table 3 for round 2"), staying at one's table
 * for a new round.
 */
export function conveningAnnouncement(previous: PlaceState | null, next: PlaceState): string | null {
  // Arriving (or coming back) while the tables are seated: where you sit.
  if (!previous)
    return next.convening && next.tableId && next.round > 0
      ? `You sit at ${tableNameOf(next, next.tableId)} for round ${next.round}.`
      : null;
  if ((previous.spotlight ?? null) !== (next.spotlight ?? null)) {
    return next.spotlight ? `The host is showing ${tableNameOf(next, next.spotlight)} to everyone.` : 'Back to your own place.';
  }
  if (previous.gathering !== next.gathering) {
    return next.gathering === Gathering.Plenary ? 'The host called everyone to the plenary.' : 'Back to your tables.';
  }
  if (!next.convening || !next.tableId || next.round === 0) return null;
  const name = tableNameOf(next, next.tableId);
  if (!previous.convening || previous.tableId === null) return `You are seated at ${name} for round ${next.round}.`;
  if (previous.tableId !== next.tableId) return `You moved to ${name} for round ${next.round}.`;
  if (previous.round !== next.round) return `Round ${next.round}: you stay at ${name}.`;
  return null;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The table host's prompt when people new to the table sit down ("Welcome Ana and Ben: brief them
 * on what this table discussed"), or null when `me` is not the host of their table or nobody is new.
 */
export function newcomerPrompt(
  state: Pick<SessionState, 'table' | 'tableId'>,
  me: string,
  nameOf: (participantId: string) => string,
): string | null {
  const table = shownTableOf(state);
  if (!table || table.host !== me) return null;
  const newcomers = table.newcomers.filter((id) => id !== me);
  if (newcomers.length === 0) return null;
  return `Welcome ${joinNames(newcomers.map(nameOf))}: brief them on what this table discussed`;
}
