/**
 * Words for the host dashboard: the round, where everyone is, a table's status, activity and
 * counts, and the sentences announced after a move or a pin. Pure.
 */
import { Gathering, RunStatus, type DashboardTable } from '@worktable/shared';

/** "1 edit", "3 edits": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Where everyone's attention is, in words. */
export function gatheringLabel(gathering: Gathering): string {
  return gathering === Gathering.Plenary ? 'Everyone is in the plenary' : 'Everyone is at their tables';
}

/** A table's run status in words ("Time is up" when its phase ran over). */
export function statusLabel(table: Pick<DashboardTable, 'status' | 'over'>): string {
  if (table.status === RunStatus.Running && table.over) return 'Time is up';
  switch (table.status) {
    case RunStatus.Lobby:
      return 'Not started';
    case RunStatus.Running:
      return 'Running';
    case RunStatus.Paused:
      return 'Paused';
    case RunStatus.Done:
      return 'Done';
  }
}

/** "4 edits in the last minute". */
export function editsLabel(edits: number): string {
  return `${countOf(edits, 'edit')} in the last minute`;
}

/** Edits below which a table's bar is not drawn full even when it is the busiest. */
export const ACTIVITY_SCALE_FLOOR = 10;

/** A table's activity as a 0–1 bar length, relative to the busiest table (at least `ACTIVITY_SCALE_FLOOR`). */
export function activityFraction(edits: number, busiest: number): number {
  const scale = Math.max(busiest, ACTIVITY_SCALE_FLOOR);
  return Math.min(1, Math.max(0, edits / scale));
}

/** The most edits any table made in the last minute. */
export function busiestEdits(tables: readonly Pick<DashboardTable, 'editsLastMinute'>[]): number {
  return tables.reduce((most, t) => Math.max(most, t.editsLastMinute), 0);
}

/** Announced after a move: "Ana moved to Table 4". */
export function movedSentence(name: string, tableName: string): string {
  return `${name} moved to ${tableName}`;
}

/** Announced after the Move dialog: the move, the pin, both, or null when nothing changed. */
export function moveOutcome(name: string, tableName: string, moved: boolean, pin: 'pinned' | 'unpinned' | null): string | null {
  if (moved && pin === 'pinned') return `${movedSentence(name, tableName)} and pinned there for the next rounds`;
  if (moved && pin === 'unpinned') return `${movedSentence(name, tableName)} and unpinned`;
  if (moved) return movedSentence(name, tableName);
  if (pin) return pinnedSentence(name, pin === 'pinned' ? tableName : null);
  return null;
}

/** Announced after a pin: "Ana pinned to Table 4 for the next rounds" or "Ana unpinned". */
export function pinnedSentence(name: string, tableName: string | null): string {
  return tableName ? `${name} pinned to ${tableName} for the next rounds` : `${name} unpinned: the next seating places them freely`;
}
