import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChecklistItemField } from '@worktable/shared';
import { addItem, progressText, readItems, removeItem, setItemField } from './checklistModel.js';

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
});
