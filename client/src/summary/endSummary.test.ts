import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, ChecklistItemField, TableRoot } from '@worktable/shared';
import { addItem, readItems, setItemField } from '../artifacts/checklist/checklistModel.js';
import { tableNextSteps } from './endSummary.js';

describe('end summary', () => {
  it('ES2 next steps: every item with text on every checklist, with who and by when', () => {
    const doc = new Y.Doc();
    const checklist = new Y.Map<unknown>();
    doc.getMap(TableRoot.Artifacts).set('c1', checklist);
    for (const [k, v] of Object.entries({ [ArtifactField.Id]: 'c1', [ArtifactField.Kind]: ArtifactKind.Checklist, [ArtifactField.X]: 0, [ArtifactField.Y]: 0, [ArtifactField.W]: 300, [ArtifactField.H]: 200, [ArtifactField.Z]: 1, [ArtifactField.CreatedBy]: 'p', [ArtifactField.CreatedByName]: 'P', [ArtifactField.CreatedAt]: 1 })) checklist.set(k, v);
    addItem(doc, checklist, 'Try pairs in week one');
    addItem(doc, checklist, '   ');
    const [first] = readItems(checklist);
    setItemField(doc, first!.map, ChecklistItemField.Owner, 'Ana');
    setItemField(doc, first!.map, ChecklistItemField.Due, '2027-01-15');
    expect(tableNextSteps(doc)).toEqual([{ text: 'Try pairs in week one', owner: 'Ana', due: '2027-01-15', done: false }]);
  });
});
