/**
 * A table card's countdown: the time left from the server's deadline and our clock offset, and
 * how it looks. Pure; `CardTimer` ticks. Same rules as the table's own timer (`protocol/clock.ts`).
 */
import { RunStatus, type DashboardTable } from '@worktable/shared';
import { timerTone, type TimerTone } from '../protocol/clock.js';

/** The parts of a table the countdown reads. */
export type TableClock = Pick<DashboardTable, 'status' | 'endsAt' | 'remainingMs' | 'over'>;

/** Whether a table's phase is counting down (running, with a deadline, not over). */
export function isTableCounting(table: TableClock): boolean {
  return table.status === RunStatus.Running && table.endsAt !== null && !table.over;
}

/**
 * Milliseconds left at local time `now` with `offsetMs` (server clock = local clock + offset):
 * the deadline minus server-now while counting, otherwise the frozen `remainingMs`; 0 when over
 * or done. Never negative.
 */
export function tableRemainingAt(table: TableClock, now: number, offsetMs: number): number {
  if (table.status === RunStatus.Done || table.over) return 0;
  if (isTableCounting(table) && table.endsAt !== null) return Math.max(0, table.endsAt - (now + offsetMs));
  return Math.max(0, table.remainingMs);
}

/** How a card's timer looks: `idle` unless running; then calm, amber in the last minute, or up. */
export type CardTone = TimerTone | 'idle';

/** The card timer's tone for `remainingMs`. */
export function cardTone(table: TableClock, remainingMs: number): CardTone {
  if (table.status !== RunStatus.Running) return 'idle';
  return timerTone(remainingMs, table.over);
}
