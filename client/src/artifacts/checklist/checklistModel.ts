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

/** Adds an item (with `text`) at the end, or right after the item `after`; returns its id. */
export function addItem(doc: Y.Doc, artifact: Y.Map<unknown>, text = '', after?: string): string {
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
    const index = after === undefined ? -1 : indexOf(items, after);
    if (index >= 0) items.insert(index + 1, [item]);
    else items.push([item]);
  });
  return id;
}

/** Sets one field of an item. */
export function setItemField(
  doc: Y.Doc,
  item: Y.Map<unknown>,
  field: typeof ChecklistItemField.Done | typeof ChecklistItemField.Owner | typeof ChecklistItemField.Due,
  value: boolean | string,
): void {
  editLocally(doc, () => {
    if (typeof value === 'string' && value.trim() === '') item.delete(field);
    else item.set(field, typeof value === 'string' ? value.slice(0, MAX_OWNER_LENGTH) : value);
  });
}

function indexOf(items: Y.Array<Y.Map<unknown>>, id: string): number {
  return items.toArray().findIndex((map) => map instanceof Y.Map && map.get(ChecklistItemField.Id) === id);
}

/** Removes an item. */
export function removeItem(doc: Y.Doc, artifact: Y.Map<unknown>, id: string): void {
  editLocally(doc, () => {
    const items = itemsOf(artifact);
    if (!items) return;
    const index = indexOf(items, id);
    if (index >= 0) items.delete(index, 1);
  });
}

/** "2 of 5 done"; "No items yet" for an empty list. */
export function progressText(items: readonly ChecklistItem[]): string {
  if (items.length === 0) return 'No items yet';
  return `${items.filter((i) => i.done).length} of ${items.length} done`;
}

/** Today's date as `yyyy-mm-dd` in local time (the format of due dates). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether an item is past its due date and not done (`today` as `yyyy-mm-dd`). */
export function isOverdue(item: Pick<ChecklistItem, 'done' | 'due'>, today: string): boolean {
  return !item.done && /^\d{4}-\d{2}-\d{2}$/.test(item.due) && item.due < today;
}
