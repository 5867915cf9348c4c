import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { ensurePhaseNotes, findNotesDocument, phaseHeading } from './scribeNotes.js';

const scribe = { participantId: 'p_s', name: 'Sam' };
const run = (heading: string) => ({ protocolId: 'tuning', protocolTitle: 'Tuning Protocol', heading });

function headings(doc: Y.Doc): string[] {
  const fragment = findNotesDocument(doc, 'tuning')?.get(ArtifactField.Content) as Y.XmlFragment;
  return fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading').map((n) => n.toString().replace(/<[^>]+>/g, ''));
}

describe('scribe notes', () => {
  it('SN1 creates one notes document per run and a heading per phase, never twice', () => {
    const doc = new Y.Doc();
    ensurePhaseNotes(doc, run('1 / 8 · Introduction'), scribe);
    ensurePhaseNotes(doc, run('2 / 8 · Presentation'), scribe);
    ensurePhaseNotes(doc, run('2 / 8 · Presentation'), scribe);
    expect(headings(doc)).toEqual(['1 / 8 · Introduction', '2 / 8 · Presentation']);
    expect(findNotesDocument(doc, 'tuning')?.get(ArtifactField.Title)).toBe('Notes — Tuning Protocol');
    expect([...doc.getMap('artifacts').keys()]).toHaveLength(1);
  });

  it('SN2 names phases with their place and round', () => {
    expect(phaseHeading({ phaseIndex: 2, phaseCount: 8, round: 0, rounds: 1, phase: { title: 'Clarifying questions' } })).toBe('3 / 8 · Clarifying questions');
    expect(phaseHeading({ phaseIndex: 3, phaseCount: 6, round: 2, rounds: 3, phase: { title: 'Conversation' } })).toBe('4 / 6 · Conversation · Round 2');
  });
});
