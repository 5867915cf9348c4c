/**
 * Checklist artifacts (decisions and action items): the items are a Y.Array of Y.Maps, each with
 * a Y.Text, a done flag and an optional owner and due date. Every write is a local transaction
 * (undoable, `editLocally`).
 */
import * as Y from 'yjs';
import { ArtifactField, ChecklistItemField } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';

/** Longest owner name, in characters. */
export const MAX_OWNER_LENGTH = 80;

/** One item, read. */
export interface ChecklistItem {
  id: string;
  map: Y.Map<unknown>;
  text: Y.Text | null;
  done: boolean;
  owner: string;
  due: string;
}

/** The items array of a checklist (null when the artifact has none). */
export function itemsOf(artifact: Y.Map<unknown>): Y.Array<Y.Map<unknown>> | null {
  const items = artifact.get(ArtifactField.Items);
  return items instanceof Y.Array ? (items as Y.Array<Y.Map<unknown>>) : null;
}

/** Reads the items in order (malformed entries skipped). */
export function readItems(artifact: Y.Map<unknown>): ChecklistItem[] {
  return (itemsOf(artifact)?.toArray() ?? [])
    .filter((map): map is Y.Map<unknown> => map instanceof Y.Map && typeof map.get(ChecklistItemField.Id) === 'string')
    .map((map) => {
      const text = map.get(ChecklistItemField.Text);
      const owner = map.get(ChecklistItemField.Owner);
      const due = map.get(ChecklistItemField.Due);
      return {
        id: map.get(ChecklistItemField.Id) as string,
        map,
        text: text instanceof Y.Text ? text : null,
        done: map.get(ChecklistItemField.Done) === true,
        owner: typeof owner === 'string' ? owner : '',
        due: typeof due === 'string' ? due : '',
      };
    });
}

/** Adds an item at the end (with `text`) and returns its id. */
export function addItem(doc: Y.Doc, artifact: Y.Map<unknown>, text = ''): string {
  const id = `i_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  editLocally(doc, () => {
    let items = itemsOf(artifact);
    if (!items) {
      items = new Y.Array<Y.Map<unknown>>();
      artifact.set(ArtifactField.Items, items);
    }
    const item = new Y.Map<unknown>();
    const body = new Y.Text();
    body.insert(0, text);
    item.set(ChecklistItemField.Id, id);
    item.set(ChecklistItemField.Text, body);
    item.set(ChecklistItemField.Done, false);
    items.push([item]);
  });
  return id;
}

/** Sets one field of an item. */
export function setItemField(doc: Y.Doc, item: Y.Map<unknown>, field: typeof ChecklistItemField.Done | typeof ChecklistItemField.Owner | typeof ChecklistItemField.Due, value: boolean | string): void {
  editLocally(doc, () => {
    if (typeof value === 'string' && value.trim() === '') item.delete(field);
    else item.set(field, typeof value === 'string' ? value.slice(0, MAX_OWNER_LENGTH) : value);
  });
}

/** Removes an item. */
export function removeItem(doc: Y.Doc, artifact: Y.Map<unknown>, id: string): void {
  editLocally(doc, () => {
    const items = itemsOf(artifact);
    if (!items) return;
    const index = items.toArray().findIndex((map) => map instanceof Y.Map && map.get(ChecklistItemField.Id) === id);
    if (index >= 0) items.delete(index, 1);
  });
}

/** "2 of 5 done". */
export function progressText(items: readonly ChecklistItem[]): string {
  return `${items.filter((i) => i.done).length} of ${items.length} done`;
}
