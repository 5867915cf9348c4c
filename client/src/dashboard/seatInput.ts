/** Reading the Seat form: table size or table count, checked before anything is sent. Pure. */
import { MAX_TABLES, type ClockMode, type ConveningAction } from '@worktable/shared';

/** Smallest and largest table size the server accepts. */
export const TABLE_SIZE_RANGE = { min: 2, max: 50 } as const;

/** How the host sizes the tables. */
export type SeatBy = 'size' | 'count';

/** The Seat form's fields. */
export interface SeatFields {
  by: SeatBy;
  /** The number typed for the chosen way (people per table, or tables). */
  value: string;
  clock: ClockMode;
  includeHost: boolean;
}

/** The `seat` action for the form, or the sentence that says what to fix. */
export function seatAction(
  fields: SeatFields,
): { ok: true; action: Extract<ConveningAction, { action: 'seat' }> } | { ok: false; message: string } {
  const n = Number(fields.value.trim());
  const { min, max } = fields.by === 'size' ? TABLE_SIZE_RANGE : { min: 1, max: MAX_TABLES };
  if (fields.value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    const what = fields.by === 'size' ? 'people per table' : 'tables';
    return { ok: false, message: `Enter a whole number of ${what} from ${min} to ${max}.` };
  }
  const size = fields.by === 'size' ? { tableSize: n } : { tableCount: n };
  return { ok: true, action: { action: 'seat', ...size, clock: fields.clock, includeHost: fields.includeHost } };
}
