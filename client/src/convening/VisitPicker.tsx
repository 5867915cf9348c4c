/** For someone at no table (the roaming host): which canvas to look at, the plenary or a table. */
import { useId } from 'react';
import type { TableEntry } from '@worktable/shared';
import { useControlStore } from '../protocol/controlConnection.js';

/** Props of `VisitPicker`. */
export interface VisitPickerProps {
  tables: readonly TableEntry[];
  /** The visited table, or null for the plenary. */
  visit: string | null;
  onVisit(tableId: string | null): void;
}

/** A select: "Plenary", "Table 1 (5)", … (how many sit there, from the host's dashboard). */
export function VisitPicker({ tables, visit, onVisit }: VisitPickerProps) {
  const id = useId();
  const seated = useControlStore((s) => s.dashboard?.tables);
  const countAt = (tableId: string) => seated?.find((t) => t.id === tableId)?.members.length;
  return (
    <div className="visit-picker">
      <label htmlFor={id}>Looking at</label>
      <select id={id} value={visit ?? ''} onChange={(event) => onVisit(event.target.value || null)}>
        <option value="">Plenary</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {countAt(table.id) === undefined ? table.name : `${table.name} (${countAt(table.id)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
