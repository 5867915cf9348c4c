/**
 * One checklist item: done, the text, and who and by when. The owner and date are fields while
 * the checklist is selected or open large; otherwise (and for read-only viewers) they are text,
 * nothing when unset, so a list on the canvas reads quietly. An item past its date and not done
 * is marked overdue.
 */
import type { KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { ChecklistItemField } from '@worktable/shared';
import { formatDay } from '../../time.js';
import { StickyText } from '../sticky/StickyText.js';
import { MAX_OWNER_LENGTH, isOverdue, setItemField, type ChecklistItem } from './checklistModel.js';

/** An item's name in labels: its text, or "untitled item". */
export function itemName(item: ChecklistItem): string {
  return item.text?.toString().trim() || 'untitled item';
}

/** Props of `ChecklistItemRow`. */
export interface ChecklistItemRowProps {
  item: ChecklistItem;
  doc: Y.Doc;
  readOnly: boolean;
  /** Show the owner and date as fields (the checklist is selected or open large, and writable). */
  editing: boolean;
  /** Today as `yyyy-mm-dd` (for "overdue"). */
  today: string;
  /** Keys pressed inside the item (its text's Enter and Backspace). */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** After ticking or unticking it here. */
  onDone(done: boolean): void;
  onRemove(): void;
}

/** One item of a checklist. */
export function ChecklistItemRow({ item, doc, readOnly, editing, today, onKeyDown, onDone, onRemove }: ChecklistItemRowProps) {
  const name = itemName(item);
  const overdue = isOverdue(item, today);
  const classes = ['checklist-item', item.done && 'is-done', overdue && 'is-overdue'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-item-id={item.id}>
      <input
        type="checkbox"
        className="checklist-done"
        checked={item.done}
        disabled={readOnly}
        aria-label={`Done: ${name}`}
        onChange={(event) => {
          setItemField(doc, item.map, ChecklistItemField.Done, event.target.checked);
          onDone(event.target.checked);
        }}
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Enter and Backspace from the fields inside it (event delegation) */}
      <div className="checklist-fields" onKeyDown={onKeyDown}>
        {item.text && (
          <StickyText
            doc={doc}
            text={item.text}
            readOnly={readOnly}
            label={`Item: ${name}`}
            placeholder="A decision or an action…"
            className="checklist-text"
          />
        )}
        {!editing ? (
          (item.owner || item.due) && (
            <p className="checklist-meta">
              {item.owner && <span className="checklist-owner">{item.owner}</span>}
              {item.due && <span className="checklist-due">{`by ${formatDay(item.due)}${overdue ? ' (overdue)' : ''}`}</span>}
            </p>
          )
        ) : (
          <div className="checklist-meta">
            <input
              type="text"
              className="checklist-owner"
              value={item.owner}
              maxLength={MAX_OWNER_LENGTH}
              placeholder="Who?"
              aria-label={`Who does “${name}”`}
              onChange={(event) => setItemField(doc, item.map, ChecklistItemField.Owner, event.target.value)}
            />
            <input
              type="date"
              className={item.due ? 'checklist-due' : 'checklist-due is-empty'}
              value={item.due}
              aria-label={`By when: ${name}${overdue ? ' (overdue)' : ''}`}
              title={overdue ? 'Overdue' : undefined}
              onChange={(event) => setItemField(doc, item.map, ChecklistItemField.Due, event.target.value)}
            />
            <button type="button" className="checklist-remove" aria-label={`Remove “${name}”`} title="Remove this item" onClick={onRemove}>
              ×
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
