/**
 * A table card's time menu (a timer per table, while the table runs or is paused): "Time ▾"
 * opens Pause or Resume, +1 min and Next phase for that table only (`MenuButton`: arrow keys,
 * Escape). Focus returns to the button after a choice; refusals show in a `role="alert"`,
 * successes are announced by the dashboard.
 */
import { useRef } from 'react';
import type { ClockMode, DashboardTable } from '@worktable/shared';
import { MenuButton, type MenuItem } from '../components/MenuButton.js';
import { ActionAlert } from './ActionAlert.js';
import { tableTimeItems } from './tableTime.js';
import { useHostAction } from './useHostAction.js';

/** Props of `TableTimeMenu`. */
export interface TableTimeMenuProps {
  table: Pick<DashboardTable, 'id' | 'name' | 'status'>;
  clock: ClockMode;
}

/** The time menu and its refusal alert (siblings, for the card's wrapping actions row), or nothing. */
export function TableTimeMenu({ table, clock }: TableTimeMenuProps) {
  const { run, busy, error } = useHostAction();
  const wrap = useRef<HTMLSpanElement>(null);
  const items: MenuItem[] = tableTimeItems(table, clock).map((item) => ({
    label: item.label,
    onSelect: () => {
      // The chosen item is about to go: keep the keyboard on the menu's button.
      wrap.current?.querySelector<HTMLButtonElement>('button')?.focus();
      if (!busy) void run(item.action, item.done);
    },
  }));
  if (items.length === 0) return error ? <ActionAlert error={error} /> : null;
  return (
    <>
      <span ref={wrap} className="table-time-wrap">
        <MenuButton
          className="table-time"
          buttonClassName="chip-move table-time-button"
          buttonLabel={`Time at ${table.name}`}
          menuLabel={`Time at ${table.name}`}
          menuClassName="table-time-menu"
          items={items}
        >
          {busy ? 'Working…' : 'Time'} <span aria-hidden="true">▾</span>
        </MenuButton>
      </span>
      <ActionAlert error={error} />
    </>
  );
}
