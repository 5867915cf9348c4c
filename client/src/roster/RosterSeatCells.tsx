/**
 * One roster row's seating cells: the table they are pinned to (a number; empty: the plan seats
 * them) and whether they host it. Both send the host's `pin`, before or after seating; the
 * number is sent when it is left or Enter is pressed.
 */
import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import { tableNumberOf, type DashboardPerson } from '@worktable/shared';

/** Props of `RosterSeatCells`. */
export interface RosterSeatCellsProps {
  name: string;
  participantId: string;
  /** The person as the dashboard knows them (their pin and named table), if it does yet. */
  person: DashboardPerson | undefined;
  /** The highest table number that exists (the seating's, or the most a convening may have). */
  maxTable: number;
  /** How many tables the seating has (null before seating): a pin beyond them is not honoured. */
  seatedTables: number | null;
  busy: boolean;
  /** Pins them to `table` (null: unpins), as its host or not. */
  pin(participantId: string, name: string, table: number | null, host: boolean): void;
  /** A number that is not a table: say so. */
  invalid(message: string): void;
}

/** The Table and Table host cells of a roster row. */
export const RosterSeatCells = memo(function RosterSeatCells({
  name,
  participantId,
  person,
  maxTable,
  seatedTables,
  busy,
  pin,
  invalid,
}: RosterSeatCellsProps) {
  const pinned = person?.pinnedTo ? tableNumberOf(person.pinnedTo) : null;
  const hosts = person?.namedHostOf !== null && person?.namedHostOf !== undefined;
  const unseatable = pinned !== null && seatedTables !== null && pinned > seatedTables;
  const [draft, setDraft] = useState(pinned === null ? '' : String(pinned));
  useEffect(() => setDraft(pinned === null ? '' : String(pinned)), [pinned]);

  const commit = () => {
    const value = draft.trim();
    const table = value === '' ? null : Number(value);
    if (table === pinned) return;
    if (table !== null && (!Number.isInteger(table) || table < 1 || table > maxTable)) {
      invalid(`${name}: write a table number from 1 to ${maxTable}, or leave it empty to let the plan seat them.`);
      return;
    }
    pin(participantId, name, table, hosts && table !== null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') setDraft(pinned === null ? '' : String(pinned));
  };

  return (
    <>
      <td>
        <input
          type="number"
          className="dash-number roster-table-input"
          min={1}
          max={maxTable}
          value={draft}
          placeholder="—"
          aria-label={`Pinned table of ${name} (empty: the plan seats them)`}
          disabled={!person}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unseatable && (
          <span className="roster-pin-note">
            The seating has no Table {pinned}: pin them to another table, or seat again with more tables.
          </span>
        )}
      </td>
      <td>
        <input
          type="checkbox"
          className="roster-host-check"
          checked={hosts}
          disabled={busy || pinned === null}
          aria-label={pinned === null ? `${name} hosts a table (pin them to a table first)` : `${name} hosts Table ${pinned}`}
          onChange={(e) => pin(participantId, name, pinned, e.target.checked)}
        />
      </td>
    </>
  );
});
