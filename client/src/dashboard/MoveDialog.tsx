/**
 * The keyboard and screen-reader way to move someone: a modal dialog with the tables to choose
 * from, "Pin here for next rounds" (and, pinned, "Make them this table's host"). Before the move
 * it warns, naming them, of people at the chosen table of the same organization or whom the
 * person already sat with (the button then says "Move anyway"). Escape or Cancel closes it;
 * after a move focus goes to the person's chip at their new table.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import type { DashboardPerson } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { useDashboardContext } from './DashboardContext.js';
import { moveOutcome } from './format.js';
import { useHostAction } from './useHostAction.js';

/** A table to choose. */
export interface TableChoice {
  id: string;
  name: string;
  members: number;
}

/** Props of `MoveDialog`. */
export interface MoveDialogProps {
  person: DashboardPerson;
  /** The table they sit at now, or null. */
  currentTableId: string | null;
  tables: readonly TableChoice[];
  /** What to know before seating them at a table (sentences naming who), empty when nothing. */
  warningsFor(tableId: string): string[];
  onClose(): void;
}

/** Focuses the person's Move button once the dashboard shows their chip at `tableId` (the next payload). */
function focusChipSoon(participantId: string, tableId: string): void {
  let tries = 0;
  const selector = `[data-table-id="${CSS.escape(tableId)}"] [data-participant-id="${CSS.escape(participantId)}"] .chip-move`;
  const attempt = () => {
    const button = document.querySelector<HTMLButtonElement>(selector);
    if (button) button.focus();
    else if (++tries < 20) window.setTimeout(attempt, 100);
  };
  window.setTimeout(attempt, 50);
}

/** The Move dialog. */
export function MoveDialog({ person, currentTableId, tables, warningsFor, onClose }: MoveDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const opener = useRef<Element | null>(null);
  const [tableId, setTableId] = useState(currentTableId ?? tables[0]?.id ?? '');
  const [pin, setPin] = useState(person.pinnedTo !== null);
  const [makeHost, setMakeHost] = useState(false);
  const action = useHostAction();
  const { announce } = useDashboardContext();
  const chosen = tables.find((t) => t.id === tableId);
  const warnings = chosen && tableId !== currentTableId ? warningsFor(tableId) : [];

  useEffect(() => {
    opener.current = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const close = (movedTo: string | null) => {
    onClose();
    if (movedTo) focusChipSoon(person.participantId, movedTo);
    else if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = tables.find((t) => t.id === tableId);
    if (!target) return;
    const move = target.id !== currentTableId;
    const pinChange = pin ? (person.pinnedTo !== target.id || makeHost ? 'pinned' : null) : person.pinnedTo !== null ? 'unpinned' : null;
    if (move && !(await action.run({ action: 'move', participantId: person.participantId, tableId: target.id }))) return;
    if (pinChange) {
      const pinned = await action.run({
        action: 'pin',
        participantId: person.participantId,
        tableId: pinChange === 'pinned' ? target.id : null,
        ...(makeHost && pin ? { host: true } : {}),
      });
      if (!pinned) return;
    }
    const outcome = moveOutcome(person.name, target.name, move, pinChange);
    if (outcome) announce(outcome);
    close(move ? target.id : null);
  };

  // Escape: close through React, so the dialog unmounts with its state.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    close(null);
  };

  return (
    <dialog ref={ref} className="move-dialog" aria-labelledby={`${id}-title`} onCancel={onCancel}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>Move {person.name}</h2>
        <p className="hint">
          {currentTableId ? `Now at ${tables.find((t) => t.id === currentTableId)?.name ?? currentTableId}.` : 'Not at a table now.'}
        </p>
        <div className="field">
          <label htmlFor={`${id}-table`}>Move to table</label>
          <select id={`${id}-table`} value={tableId} onChange={(e) => setTableId(e.target.value)} aria-describedby={`${id}-warn`} autoFocus>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.members} {t.members === 1 ? 'person' : 'people'}){t.id === currentTableId ? ' — now' : ''}
              </option>
            ))}
          </select>
        </div>
        <div id={`${id}-warn`} className={warnings.length > 0 ? 'move-warning' : 'visually-hidden'} role="status">
          {warnings.length > 0 && chosen && (
            <>
              <p>
                <strong>
                  Before you move {person.name} to {chosen.name}:
                </strong>
              </p>
              <ul>
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="field field-check">
          <input id={`${id}-pin`} type="checkbox" checked={pin} onChange={(e) => setPin(e.target.checked)} />
          <label htmlFor={`${id}-pin`}>Pin here for next rounds</label>
        </div>
        <div className="field field-check">
          <input
            id={`${id}-host`}
            type="checkbox"
            checked={pin && makeHost}
            disabled={!pin}
            onChange={(e) => setMakeHost(e.target.checked)}
          />
          <label htmlFor={`${id}-host`}>Make them this table’s host (they stay when others move)</label>
        </div>
        <ActionAlert error={action.error} />
        <div className="actions">
          <button type="submit" className="button primary" disabled={action.busy}>
            {action.busy ? 'Moving…' : warnings.length > 0 ? 'Move anyway' : 'Move'}
          </button>
          <button type="button" className="button ghost" onClick={() => close(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
