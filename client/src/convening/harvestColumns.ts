/** The plenary wall's layout: a column per round holding a group per table (see shared `groupHarvest`). */
import { groupHarvest, type HarvestCard, type HarvestGroup } from '@worktable/shared';

/** One round's column on the wall. */
export interface HarvestColumn {
  round: number;
  groups: HarvestGroup[];
  /** Cards in the column. */
  count: number;
}

/** The groups of each round, oldest round first. */
export function harvestColumns(cards: readonly HarvestCard[]): HarvestColumn[] {
  const columns: HarvestColumn[] = [];
  for (const group of groupHarvest(cards)) {
    let column = columns.at(-1);
    if (!column || column.round !== group.round) {
      column = { round: group.round, groups: [], count: 0 };
      columns.push(column);
    }
    column.groups.push(group);
    column.count += group.cards.length;
  }
  return columns;
}

/** The tables that posted cards, in table-number order (for the wall's filter). */
export function harvestTables(cards: readonly HarvestCard[]): { tableId: string; tableName: string }[] {
  const seen = new Map<string, string>();
  for (const group of groupHarvest(cards)) if (!seen.has(group.tableId)) seen.set(group.tableId, group.tableName);
  const number = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...seen]
    .map(([tableId, tableName]) => ({ tableId, tableName }))
    .sort((a, b) => number(a.tableId) - number(b.tableId) || a.tableId.localeCompare(b.tableId));
}
