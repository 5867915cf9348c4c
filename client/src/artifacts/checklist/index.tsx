/** Checklists: decisions and action items, each with done, owner and due date, co-edited live. */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, ChecklistItemField } from '@worktable/shared';
import { TitleField } from '../document/TitleField.js';
import { StickyText } from '../sticky/StickyText.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';
import { MAX_OWNER_LENGTH, addItem, itemsOf, progressText, readItems, removeItem, setItemField, type ChecklistItem } from './checklistModel.js';
import './checklist.css';

/** The items, live (re-read on any change inside the list). */
function useItems(artifact: Y.Map<unknown>): ChecklistItem[] {
  const [items, setItems] = useState(() => readItems(artifact));
  useEffect(() => {
    const refresh = () => setItems(readItems(artifact));
    const observeList = () => itemsOf(artifact)?.observeDeep(refresh);
    const unobserveList = () => itemsOf(artifact)?.unobserveDeep(refresh);
    const onArtifact = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has(ArtifactField.Items)) return;
      observeList();
      refresh();
    };
    observeList();
    artifact.observe(onArtifact);
    refresh();
    return () => {
      unobserveList();
      artifact.unobserve(onArtifact);
    };
  }, [artifact]);
  return items;
}

function ChecklistBody({ artifact, doc, readOnly }: ArtifactBodyProps) {
  const items = useItems(artifact);
  const [announcement, setAnnouncement] = useState('');
  const label = (item: ChecklistItem) => item.text?.toString().trim() || 'untitled item';
  return (
    <div className="checklist-body">
      <TitleField artifact={artifact} doc={doc} readOnly={readOnly} fallback="Decisions and actions" label="Checklist title" className="checklist-title" />
      <p className="checklist-progress">{progressText(items)}</p>
      <ul className="checklist-items">
        {items.map((item) => (
          <li key={item.id} className={item.done ? 'done' : ''}>
            <input
              type="checkbox"
              checked={item.done}
              disabled={readOnly}
              aria-label={`Done: ${label(item)}`}
              onChange={(event) => {
                setItemField(doc, item.map, ChecklistItemField.Done, event.target.checked);
                setAnnouncement(`${label(item)}: ${event.target.checked ? 'done' : 'not done'}`);
              }}
            />
            <div className="checklist-fields">
              {item.text ? <StickyText doc={doc} text={item.text} readOnly={readOnly} label={`Item: ${label(item)}`} /> : null}
              <div className="checklist-meta">
                <input
                  type="text"
                  value={item.owner}
                  readOnly={readOnly}
                  maxLength={MAX_OWNER_LENGTH}
                  placeholder={readOnly ? '' : 'Who'}
                  aria-label={`Who does “${label(item)}”`}
                  onChange={(event) => setItemField(doc, item.map, ChecklistItemField.Owner, event.target.value)}
                />
                <input
                  type="date"
                  value={item.due}
                  readOnly={readOnly}
                  aria-label={`By when: ${label(item)}`}
                  onChange={(event) => setItemField(doc, item.map, ChecklistItemField.Due, event.target.value)}
                />
                {!readOnly && (
                  <button type="button" className="checklist-remove" aria-label={`Remove “${label(item)}”`} onClick={() => removeItem(doc, artifact, item.id)}>
                    ×
                  </button>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button
          type="button"
          className="button secondary checklist-add"
          onClick={() => {
            addItem(doc, artifact);
            setAnnouncement('Item added');
          }}
        >
          Add item
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** View of checklists. */
export const checklistView: ArtifactView = {
  kind: ArtifactKind.Checklist,
  label: 'Checklist',
  Body: ChecklistBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Items, new Y.Array<Y.Map<unknown>>());
    if (title) artifact.set(ArtifactField.Title, title);
  },
};
