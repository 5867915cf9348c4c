import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, ChecklistItemField, TableRoot, type FeedbackThread } from '@worktable/shared';
import { addItem, readItems, setItemField } from '../artifacts/checklist/checklistModel.js';
import { heardByType, nextStepsOf } from './endSummary.js';

const thread = (type: FeedbackThread['type'], text: string): FeedbackThread => ({
  id: text,
  artifactId: 'a',
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt: 0,
  phase: null,
  resolved: false,
  messages: [{ id: 'm', authorId: 'p', authorName: 'P', text, at: 0 }],
});

describe('end summary', () => {
  it('ES1 what we heard: by type in the usual order, a few words of each, the rest counted', () => {
    const heard = heardByType([thread('cool', 'Timing is tight'), thread('warm', 'Clear criteria'), thread('warm', 'Student voice'), thread('warm', 'Good examples'), thread('warm', 'Short')]);
    expect(heard.map((h) => [h.label, h.count, h.samples.length])).toEqual([
      ['Warm feedback', 4, 3],
      ['Cool feedback', 1, 1],
    ]);
    expect(heard[0]!.samples).toEqual(['Clear criteria', 'Student voice', 'Good examples']);
  });

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
    expect(nextStepsOf(doc)).toEqual([{ text: 'Try pairs in week one', owner: 'Ana', due: '2027-01-15', done: false }]);
  });
});
