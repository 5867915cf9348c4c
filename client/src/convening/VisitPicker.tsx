/** For someone at no table (the roaming host): which canvas to look at, the plenary or a table. */
import { useId } from 'react';
import type { WireTable } from '@worktable/shared';

/** Props of `VisitPicker`. */
export interface VisitPickerProps {
  tables: readonly WireTable[];
  /** The visited table, or null for the plenary. */
  visit: string | null;
  onVisit(tableId: string | null): void;
}

/** A select: "Plenary", "Table 1", … */
export function VisitPicker({ tables, visit, onVisit }: VisitPickerProps) {
  const id = useId();
  return (
    <div className="visit-picker">
      <label htmlFor={id}>Looking at</label>
      <select id={id} value={visit ?? ''} onChange={(event) => onVisit(event.target.value || null)}>
        <option value="">Plenary</option>
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.name} ({table.members.length})
          </option>
        ))}
      </select>
    </div>
  );
}
