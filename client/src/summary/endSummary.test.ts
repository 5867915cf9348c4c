import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, ChecklistItemField, TableRoot, builtInProtocol } from '@worktable/shared';
import { addItem, readItems, setItemField } from '../artifacts/checklist/checklistModel.js';
import { tableNextSteps, tableReflection } from './endSummary.js';

describe('end summary', () => {
  it('ES2 next steps: every item with text on every checklist, with who and by when', () => {
    const doc = new Y.Doc();
    const checklist = new Y.Map<unknown>();
    doc.getMap(TableRoot.Artifacts).set('c1', checklist);
    for (const [k, v] of Object.entries({
      [ArtifactField.Id]: 'c1',
      [ArtifactField.Kind]: ArtifactKind.Checklist,
      [ArtifactField.X]: 0,
      [ArtifactField.Y]: 0,
      [ArtifactField.W]: 300,
      [ArtifactField.H]: 200,
      [ArtifactField.Z]: 1,
      [ArtifactField.CreatedBy]: 'p',
      [ArtifactField.CreatedByName]: 'P',
      [ArtifactField.CreatedAt]: 1,
    }))
      checklist.set(k, v);
    addItem(doc, checklist, 'Try pairs in week one');
    addItem(doc, checklist, '   ');
    const [first] = readItems(checklist);
    setItemField(doc, first!.map, ChecklistItemField.Owner, 'Ana');
    setItemField(doc, first!.map, ChecklistItemField.Due, '2027-01-15');
    expect(tableNextSteps(doc)).toEqual([{ text: 'Try pairs in week one', owner: 'Ana', due: '2027-01-15', done: false }]);
  });
});

describe('the presenter’s reflection', () => {
  /** A scribe notes document as the client writes it: a level-2 heading per phase, then its paragraphs. */
  const putNotes = (doc: Y.Doc, sections: { heading: string; lines: string[] }[]) => {
    const artifact = new Y.Map<unknown>();
    doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set('notes', artifact);
    const content = new Y.XmlFragment();
    artifact.set(ArtifactField.Id, 'notes');
    artifact.set(ArtifactField.Kind, ArtifactKind.Document);
    artifact.set(ArtifactField.NotesOf, 'tuning');
    artifact.set(ArtifactField.Content, content);
    const element = (name: string, text: string, level?: string) => {
      const el = new Y.XmlElement(name);
      if (level) el.setAttribute('level', level);
      const run = new Y.XmlText();
      run.insert(0, text);
      el.insert(0, [run]);
      return el;
    };
    content.insert(
      0,
      sections.flatMap((s) => [element('heading', s.heading, '2'), ...s.lines.map((line) => element('paragraph', line))]),
    );
  };

  it('ES4 reads what the scribe wrote under the reflection phase, nothing else; nothing for a protocol without one', () => {
    const tuning = builtInProtocol('tuning')!;
    const doc = new Y.Doc();
    putNotes(doc, [
      { heading: '6 / 8 · Warm and cool feedback', lines: ['Warm: clear criteria'] },
      { heading: '7 / 8 · Presenter reflection', lines: ['I will try the last five minutes.', 'Piles by need, not by score.'] },
      { heading: '8 / 8 · Debrief', lines: ['Good pace'] },
    ]);
    expect(tableReflection(doc, tuning)).toEqual([
      { title: 'Presenter reflection', lines: ['I will try the last five minutes.', 'Piles by need, not by score.'] },
    ]);
    expect(tableReflection(doc, builtInProtocol('1-2-4-all'))).toEqual([]);
    expect(tableReflection(doc, undefined)).toEqual([]);
  });
});
