/**
 * The time menu of one table card (a timer per table): the run actions the host can take on that
 * table now, each aimed at it with `tableId`, and what to announce after. With one round clock
 * the cards have no time menu (the server would refuse a single table's pause or next), nor
 * before a table starts or after it is done. Pure.
 */
import { ClockMode, RunStatus, type DashboardTable, type SessionAction } from '@worktable/shared';

/** One item of a table's time menu. */
export interface TableTimeItem {
  key: 'pause' | 'resume' | 'extend' | 'next';
  label: string;
  action: SessionAction;
  /** Announced after the server applied it. */
  done: string;
}

const MINUTE = 60_000;

/** The time menu's items for `table` under `clock`; empty: no menu. */
export function tableTimeItems(table: Pick<DashboardTable, 'id' | 'name' | 'status'>, clock: ClockMode): TableTimeItem[] {
  const running = table.status === RunStatus.Running;
  if (clock !== ClockMode.PerTable || !(running || table.status === RunStatus.Paused)) return [];
  const { id: tableId, name } = table;
  return [
    running
      ? { key: 'pause', label: 'Pause', action: { action: 'pause', tableId }, done: `Paused ${name}.` }
      : { key: 'resume', label: 'Resume', action: { action: 'resume', tableId }, done: `Resumed ${name}.` },
    { key: 'extend', label: '+1 min', action: { action: 'extend', ms: MINUTE, tableId }, done: `Added 1 minute at ${name}.` },
    { key: 'next', label: 'Next phase', action: { action: 'next', tableId }, done: `${name} moved to the next phase.` },
  ];
}
