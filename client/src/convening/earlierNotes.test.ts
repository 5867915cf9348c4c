import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { ensurePhaseNotes, findNotesDocument } from '../protocol/scribeNotes.js';
import { earlierItems, earlierNotes, notesText, shorten } from './earlierNotes.js';

const keeper = { participantId: 'p_k', name: 'Kim' };

function write(doc: Y.Doc, round: number, text: string): void {
  ensurePhaseNotes(doc, { protocolId: 'world-cafe', protocolTitle: 'World Café', heading: '2 / 3 · Café round', round }, keeper);
  const fragment = findNotesDocument(doc, `world-cafe@round-${round}`)?.get(ArtifactField.Content) as Y.XmlFragment;
  const paragraph = new Y.XmlElement('paragraph');
  const body = new Y.XmlText();
  body.insert(0, text);
  body.format(0, 4, { bold: true });
  paragraph.insert(0, [body]);
  fragment.push([paragraph]);
}

describe('earlierItems', () => {
  it('lists what was made on the canvas before the round started, not the notes documents, oldest first', () => {
    const doc = new Y.Doc();
    write(doc, 1, 'Notes are listed on their own.');
    const artifacts = doc.getMap<Y.Map<unknown>>('artifacts');
    const put = (id: string, kind: string, createdAt: number, title: string) => {
      const item = new Y.Map<unknown>();
      artifacts.set(id, item);
      for (const [k, v] of Object.entries({
        id,
        kind,
        x: 0,
        y: 0,
        w: 100,
        h: 100,
        z: 1,
        createdBy: 'p',
        createdByName: 'Ana',
        createdAt,
        draft: false,
        title,
      }))
        item.set(k, v);
    };
    put('s2', 'sticky', 2_000, 'Second sticky');
    put('s1', 'sticky', 1_000, 'First sticky');
    put('now', 'sticky', Date.now() + 2e9, 'Made this round');
    // The notes document was made just now, before this start: only its kind keeps it out.
    const items = earlierItems(doc, Date.now() + 1e9, (a) => String(a.get('title')));
    expect(items.map((i) => [i.id, i.title])).toEqual([
      ['s1', 'First sticky'],
      ['s2', 'Second sticky'],
    ]);
  });
});

describe('earlierNotes', () => {
  it('lists the notes of earlier rounds only, oldest first, with their text', () => {
    const doc = new Y.Doc();
    write(doc, 2, 'Trust grows from small promises kept.');
    write(doc, 1, 'Time is the scarce resource.');
    write(doc, 3, 'This round is still going.');
    const notes = earlierNotes(doc, 'world-cafe', 3);
    expect(notes.map((n) => [n.round, n.title, n.preview])).toEqual([
      [1, 'Notes · Round 1', 'Time is the scarce resource.'],
      [2, 'Notes · Round 2', 'Trust grows from small promises kept.'],
    ]);
    expect(earlierNotes(doc, 'world-cafe', 1)).toEqual([]);
    expect(earlierNotes(doc, 'tuning', 3)).toEqual([]);
  });

  it('leaves the phase headings out of the text, and an empty preview when nothing was written', () => {
    const doc = new Y.Doc();
    ensurePhaseNotes(doc, { protocolId: 'world-cafe', protocolTitle: 'World Café', heading: '1 / 3 · Welcome', round: 1 }, keeper);
    const fragment = findNotesDocument(doc, 'world-cafe@round-1')?.get(ArtifactField.Content) as Y.XmlFragment;
    expect(notesText(fragment)).toEqual([]);
    expect(earlierNotes(doc, 'world-cafe', 2)[0]?.preview).toBe('');
  });

  it('shortens long text at a word', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('one two three four five six', 12)).toBe('one two…');
  });
});
