import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistItemField } from '@worktable/shared';
import { addItem, isOverdue, progressText, readItems, removeItem, setItemField, todayIso } from './checklistModel.js';

describe('checklist model', () => {
  it('adds, ticks, assigns and removes items, and converges between two documents', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const artifact = new Y.Map<unknown>();
    a.getMap('artifacts').set('c1', artifact);
    const first = addItem(a, artifact, 'Try pairs in week one');
    const second = addItem(a, artifact, 'Share the rubric');
    const [one] = readItems(artifact);
    setItemField(a, one!.map, ChecklistItemField.Done, true);
    setItemField(a, one!.map, ChecklistItemField.Owner, 'Ana');
    setItemField(a, one!.map, ChecklistItemField.Due, '2026-12-01');
    const other = b.getMap<Y.Map<unknown>>('artifacts').get('c1')!;
    expect(readItems(other).map((i) => [i.id, i.text?.toString(), i.done, i.owner, i.due])).toEqual([
      [first, 'Try pairs in week one', true, 'Ana', '2026-12-01'],
      [second, 'Share the rubric', false, '', ''],
    ]);
    expect(progressText(readItems(other))).toBe('1 of 2 done');
    setItemField(a, one!.map, ChecklistItemField.Owner, '  ');
    removeItem(a, artifact, second);
    expect(readItems(other).map((i) => [i.id, i.owner])).toEqual([[first, '']]);
  });

  it('adds an item right after another, or at the end when that one is gone', () => {
    const doc = new Y.Doc();
    const artifact = new Y.Map<unknown>();
    doc.getMap('artifacts').set('c1', artifact);
    const first = addItem(doc, artifact, 'first');
    addItem(doc, artifact, 'last');
    addItem(doc, artifact, 'second', first);
    addItem(doc, artifact, 'after nothing', 'i_missing');
    expect(readItems(artifact).map((i) => i.text?.toString())).toEqual(['first', 'second', 'last', 'after nothing']);
  });

  it('says when a list is empty, and which items are overdue', () => {
    expect(progressText([])).toBe('No items yet');
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(isOverdue({ done: false, due: '2026-01-04' }, '2026-01-05')).toBe(true);
    expect(isOverdue({ done: false, due: '2026-01-05' }, '2026-01-05')).toBe(false);
    expect(isOverdue({ done: true, due: '2026-01-04' }, '2026-01-05')).toBe(false);
    expect(isOverdue({ done: false, due: '' }, '2026-01-05')).toBe(false);
    expect(isOverdue({ done: false, due: 'soon' }, '2026-01-05')).toBe(false);
  });
});
