/**
 * A checklist's body: the title with the progress beside it, the items (scrolling on their own
 * while the title and "Add item" stay in view), and an announcement of each change made here.
 * Owners and dates are fields only while it is selected or open large.
 * Keyboard: Enter in an item's text starts a new item after it (Shift+Enter breaks the line),
 * Backspace in an empty item removes it; Enter in the title of an empty list starts the first.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { TitleField } from '../document/TitleField.js';
import type { ArtifactBodyProps } from '../types.js';
import { ChecklistItemRow, itemName } from './ChecklistItemRow.js';
import { addItem, progressText, removeItem, todayIso } from './checklistModel.js';
import { useItems } from './useItems.js';
import './checklist.css';

/**
 * Scrolls the item list (only it: `scrollIntoView` would also scroll the canvas, which pans by
 * transform) so that `item` is wholly in view.
 */
function revealItem(item: HTMLElement | null): void {
  const list = item?.parentElement;
  if (!item || !list) return;
  const top = item.offsetTop;
  const bottom = top + item.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

/** The body of a checklist artifact. */
export function ChecklistBody({ artifact, doc, readOnly, selected, expanded }: ArtifactBodyProps) {
  const items = useItems(artifact);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const today = todayIso();

  // Put the caret into an item just added here (or the one before a removed item), once it renders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the items render, so the new item exists to focus
  useEffect(() => {
    if (!focusId) return;
    const text = ref.current?.querySelector<HTMLTextAreaElement>(`[data-item-id="${CSS.escape(focusId)}"] textarea`);
    if (!text) return;
    text.focus({ preventScroll: true });
    revealItem(text.closest('li'));
    text.setSelectionRange(text.value.length, text.value.length);
    setFocusId(null);
  }, [focusId, items]);

  const add = (after?: string) => {
    setFocusId(addItem(doc, artifact, '', after));
    setAnnouncement('Item added');
  };

  const onItemKeys = (event: KeyboardEvent<HTMLElement>, id: string, index: number) => {
    const target = event.target;
    if (readOnly || !(target instanceof HTMLTextAreaElement) || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      add(id);
    } else if (event.key === 'Backspace' && target.value === '' && items.length > 1) {
      event.preventDefault();
      const before = items[index - 1] ?? items[index + 1];
      removeItem(doc, artifact, id);
      setFocusId(before?.id ?? null);
      setAnnouncement('Item removed');
    }
  };

  return (
    <div className={expanded ? 'checklist-body is-expanded' : 'checklist-body'} ref={ref}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Enter from the title field inside it (event delegation) */}
      <div
        className="checklist-head"
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || items.length > 0 || readOnly || !(event.target instanceof HTMLInputElement)) return;
          // The Enter itself must not reach the new item's text, which takes the focus at once.
          event.preventDefault();
          add();
        }}
      >
        <TitleField
          artifact={artifact}
          doc={doc}
          readOnly={readOnly}
          fallback="Decisions and actions"
          label="Checklist title"
          className="checklist-title"
          focusFirst
        />
        <p className="checklist-progress">{progressText(items)}</p>
      </div>
      {items.length > 0 && (
        <ul className="checklist-items" aria-label="Items">
          {items.map((item, index) => (
            <ChecklistItemRow
              key={item.id}
              item={item}
              doc={doc}
              readOnly={readOnly}
              editing={!readOnly && (selected || expanded)}
              today={today}
              onKeyDown={(event) => onItemKeys(event, item.id, index)}
              onDone={(done) => setAnnouncement(`${itemName(item)}: ${done ? 'done' : 'not done'}`)}
              onRemove={() => {
                removeItem(doc, artifact, item.id);
                setAnnouncement(`${itemName(item)} removed`);
              }}
            />
          ))}
        </ul>
      )}
      {!readOnly && (
        <button type="button" className="checklist-add" onClick={() => add()}>
          <span aria-hidden="true">+</span> Add item
        </button>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
