import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, notesKey, notesProtocolOf, notesRoundOf } from '@worktable/shared';
import { stateFixture } from './fixtures.js';
import { ensurePhaseNotes, findNotesDocument, notesKeeperOf, phaseHeading } from './scribeNotes.js';

const scribe = { participantId: 'p_s', name: 'Sam' };
const run = (heading: string) => ({ protocolId: 'tuning', protocolTitle: 'Tuning Protocol', heading });

function headings(doc: Y.Doc): string[] {
  const fragment = findNotesDocument(doc, 'tuning')?.get(ArtifactField.Content) as Y.XmlFragment;
  return fragment
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading')
    .map((n) => n.toString().replace(/<[^>]+>/g, ''));
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
    expect(
      phaseHeading({ phaseIndex: 2, phaseCount: 8, protocolRound: 0, protocolRounds: 1, phase: { title: 'Clarifying questions' } }),
    ).toBe('3 / 8 · Clarifying questions');
    expect(phaseHeading({ phaseIndex: 3, phaseCount: 6, protocolRound: 2, protocolRounds: 3, phase: { title: 'Conversation' } })).toBe(
      '4 / 6 · Conversation · Round 2',
    );
  });

  it('SN3 keeps each convening round in a notes document of its own', () => {
    const doc = new Y.Doc();
    ensurePhaseNotes(doc, { ...run('1 / 3 · Café round'), round: 1 }, scribe);
    ensurePhaseNotes(doc, { ...run('1 / 3 · Café round'), round: 2 }, scribe);
    ensurePhaseNotes(doc, { ...run('2 / 3 · Café round'), round: 2 }, scribe);
    expect([...doc.getMap('artifacts').keys()]).toHaveLength(2);
    expect(findNotesDocument(doc, 'tuning@round-1')?.get(ArtifactField.Title)).toBe('Notes · Round 1');
    expect(findNotesDocument(doc, 'tuning@round-2')?.get(ArtifactField.Title)).toBe('Notes · Round 2');
    expect(findNotesDocument(doc, 'tuning')).toBeNull();
  });

  it('SN4 reads the round and protocol back from a notes key', () => {
    expect(notesKey('world-cafe', 3)).toBe('world-cafe@round-3');
    expect(notesKey('world-cafe', 0)).toBe('world-cafe');
    expect(notesRoundOf('world-cafe@round-3')).toBe(3);
    expect(notesRoundOf('world-cafe')).toBeNull();
    expect(notesProtocolOf('world-cafe@round-3')).toBe('world-cafe');
  });

  it('SN5 lets the reporter, table host or facilitator keep the notes of a convening table without a scribe', () => {
    expect(notesKeeperOf(stateFixture({ roles: { facilitator: 'fa' } }))).toBeUndefined();
    expect(notesKeeperOf(stateFixture({ convening: true, roles: { facilitator: 'fa', tableHost: 'th' } }))).toBe('th');
    expect(notesKeeperOf(stateFixture({ convening: true, roles: { facilitator: 'fa', reporter: 're', scribe: 'sc' } }))).toBe('sc');
  });
});
