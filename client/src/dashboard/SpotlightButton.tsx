/** "Show to everyone": the host brings everyone to one table's canvas ("bring everyone to me"), and back. */
import type { DashboardTable } from '@worktable/shared';
import { useHostAction } from './useHostAction.js';

/** Props of `SpotlightButton`. */
export interface SpotlightButtonProps {
  table: Pick<DashboardTable, 'id' | 'name'>;
  /** Whether this table is the one shown to everyone now. */
  shown: boolean;
}

/** Toggles the spotlight on one table. */
export function SpotlightButton({ table, shown }: SpotlightButtonProps) {
  const action = useHostAction();
  return (
    <button
      type="button"
      className={`chip-move${shown ? ' is-on' : ''}`}
      aria-pressed={shown}
      disabled={action.busy}
      title={shown ? `Everyone sees ${table.name}’s canvas; press to send them back` : `Bring everyone to ${table.name}’s canvas`}
      onClick={() =>
        void action.run(
          { action: 'spotlight', tableId: shown ? null : table.id },
          shown ? 'Everyone is back in their own place.' : `Everyone now sees ${table.name}.`,
        )
      }
    >
      {action.busy ? '…' : shown ? 'Shown to everyone' : 'Show to everyone'}
    </button>
  );
}
