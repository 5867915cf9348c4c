/**
 * What an imported roster changes in the seating: the `pin` actions (as the host would send them)
 * that pin people to the roster's tables and name its table hosts. A column the roster has is
 * applied — an empty pinned table unpins, "no" under table host un-names — and a column it lacks
 * leaves what the host set on the dashboard alone. Only changes become actions. Pure.
 */
import type { ConveningAction, SessionControl } from '../convening/sessionTypes.js';
import { tableIdentity } from '../convening/tableSeating.js';
import type { RosterColumns, RosterEntry } from './roster.js';

/** A roster entry and the participant it became. */
export interface RosterSeat {
  participantId: string;
  entry: Pick<RosterEntry, 'line' | 'tableHost' | 'pinnedTable'>;
}

/** A `pin` action. */
export type PinAction = Extract<ConveningAction, { action: 'pin' }>;

/** The table id of a 1-based table number (`3` → `table-3`). */
function tableIdOf(table: number | null): string | null {
  return table === null ? null : tableIdentity(table - 1).id;
}

/** The pins and named hosts the roster asks for that the control does not have yet. */
export function rosterPinActions(
  seats: readonly RosterSeat[],
  control: Pick<SessionControl, 'pins' | 'namedHosts'>,
  columns: RosterColumns,
): PinAction[] {
  const pinsColumn = columns.pinnedTable !== undefined;
  const hostsColumn = columns.tableHost !== undefined;
  if (!pinsColumn && !hostsColumn) return [];
  const actions: PinAction[] = [];
  for (const { participantId, entry } of seats) {
    const pinnedNow = control.pins[participantId] ?? null;
    const hostNow = pinnedNow !== null && control.namedHosts[pinnedNow] === participantId;
    const wanted = tableIdOf(entry.pinnedTable);
    const table = pinsColumn || (entry.tableHost && wanted !== null) ? wanted : pinnedNow;
    const host = hostsColumn ? entry.tableHost && table !== null : hostNow && table === pinnedNow;
    if (table === pinnedNow && host === hostNow) continue;
    actions.push({ action: 'pin', participantId, tableId: table, ...(host ? { host: true } : {}) });
  }
  return actions;
}

/**
 * Pins the seating cannot honour: once people are seated, only tables up to the seating's count
 * exist (seat again with more tables first). Returns "line 7: pinned table: …" problems.
 */
export function rosterTableProblems(
  entries: readonly Pick<RosterEntry, 'line' | 'pinnedTable'>[],
  control: Pick<SessionControl, 'convening' | 'settings'>,
): string[] {
  if (!control.convening) return [];
  const count = control.settings.tableCount;
  return entries
    .filter((entry) => entry.pinnedTable !== null && entry.pinnedTable > count)
    .map(
      (entry) =>
        `line ${entry.line}: pinned table: the seating has ${count} ${count === 1 ? 'table' : 'tables'}; pin to a table from 1 to ${count}, or seat again with more tables first`,
    );
}
