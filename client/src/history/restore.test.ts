/**
 * Restoring an artifact from a history snapshot into the live table, with real Y.Docs: a deep copy
 * (nested Y.Text, Y.XmlFragment, Y.Array, Y.Map), the snapshot untouched, the same id when free,
 * a new id and a small offset when not, one undoable local change that reaches other peers.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, cellKey } from '@worktable/shared';
import {
  RESTORE_OFFSET,
  artifactsOf,
  createArtifact,
  createUndoManager,
  getArtifact,
  readArtifacts,
  restoreArtifact,
} from '../canvas/tableModel.js';

const hana = { participantId: 'p_hana', name: 'Hana' };

/** A snapshot as the client gets it: the live document's state applied to a fresh Y.Doc. */
function snapshotOf(doc: Y.Doc): Y.Doc {
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
  return past;
}

function sticky(doc: Y.Doc, text: string, at = { x: 10, y: 20 }): string {
  return createArtifact(doc, {
    kind: ArtifactKind.Sticky,
    at,
    creator: hana,
    initialize: (artifact) => {
      artifact.set(ArtifactField.Text, new Y.Text(text));
      artifact.set(ArtifactField.Color, 'pink');
    },
  });
}

function richDocument(doc: Y.Doc): string {
  return createArtifact(doc, {
    kind: ArtifactKind.Document,
    at: { x: 300, y: 40 },
    title: 'Essay',
    creator: hana,
    initialize: (artifact, { title }) => {
      artifact.set(ArtifactField.Title, title ?? '');
      const content = new Y.XmlFragment();
      artifact.set(ArtifactField.Content, content);
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText('Claim')]);
      const paragraph = new Y.XmlElement('paragraph');
      const words = new Y.XmlText();
      paragraph.insert(0, [words]);
      content.insert(0, [heading, paragraph]);
      words.insert(0, 'Evidence first, ');
      words.insert(16, 'then the claim.', { bold: {} });
    },
  });
}

function dataTable(doc: Y.Doc): string {
  return createArtifact(doc, {
    kind: ArtifactKind.DataTable,
    at: { x: 0, y: 500 },
    title: 'Scores',
    creator: hana,
    initialize: (artifact) => {
      const rows = new Y.Array<string>();
      const columns = new Y.Array<string>();
      const cells = new Y.Map<Y.Text>();
      artifact.set(ArtifactField.RowIds, rows);
      artifact.set(ArtifactField.ColumnIds, columns);
      artifact.set(ArtifactField.Cells, cells);
      rows.push(['r1', 'r2']);
      columns.push(['c1']);
      cells.set(cellKey('r1', 'c1'), new Y.Text('12'));
      cells.set(cellKey('r2', 'c1'), new Y.Text('15'));
    },
  });
}

describe('restoring an artifact from a snapshot', () => {
  it('copies a deleted artifact back with its id, position and every nested type', () => {
    const live = new Y.Doc();
    const ids = [sticky(live, 'Before'), richDocument(live), dataTable(live)];
    const past = snapshotOf(live);
    const before = artifactsOf(past).toJSON();
    live.transact(() => {
      for (const id of ids) artifactsOf(live).delete(id);
    });

    for (const id of ids) expect(restoreArtifact(live, getArtifact(past, id)!)).toEqual({ id, sameId: true });

    expect(artifactsOf(live).toJSON()).toEqual(before);
    const content = getArtifact(live, ids[1]!)!.get(ArtifactField.Content) as Y.XmlFragment;
    expect(content.toString()).toBe(
      '<heading level="2">Claim</heading><paragraph>Evidence first, <bold>then the claim.</bold></paragraph>',
    );
    expect(content.get(0)).toBeInstanceOf(Y.XmlElement);
    expect((getArtifact(live, ids[2]!)!.get(ArtifactField.Cells) as Y.Map<Y.Text>).get(cellKey('r2', 'c1'))).toBeInstanceOf(Y.Text);
    expect(
      readArtifacts(live)
        .map((m) => m.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('makes copies, not shared types: editing the live copy leaves the snapshot as it was, and the reverse', () => {
    const live = new Y.Doc();
    const id = sticky(live, 'Before');
    const past = snapshotOf(live);
    artifactsOf(live).delete(id);
    restoreArtifact(live, getArtifact(past, id)!);

    const liveText = getArtifact(live, id)!.get(ArtifactField.Text) as Y.Text;
    liveText.insert(0, 'Still ');
    (getArtifact(past, id)!.get(ArtifactField.Text) as Y.Text).insert(6, ', then');
    expect(liveText.toString()).toBe('Still Before');
    expect((getArtifact(past, id)!.get(ArtifactField.Text) as Y.Text).toString()).toBe('Before, then');
  });

  it('puts a copy with a new id a little down and right when the artifact is still on the table, in front of the rest', () => {
    const live = new Y.Doc();
    const id = sticky(live, 'Before');
    sticky(live, 'Other', { x: 400, y: 400 });
    const past = snapshotOf(live);
    (getArtifact(live, id)!.get(ArtifactField.Text) as Y.Text).delete(0, 6);

    const first = restoreArtifact(live, getArtifact(past, id)!)!;
    const second = restoreArtifact(live, getArtifact(past, id)!)!;
    expect(first.sameId).toBe(false);
    expect(first.id).not.toBe(id);
    const copy = getArtifact(live, first.id)!;
    expect(copy.get(ArtifactField.Id)).toBe(first.id);
    expect((copy.get(ArtifactField.Text) as Y.Text).toString()).toBe('Before');
    expect([copy.get(ArtifactField.X), copy.get(ArtifactField.Y)]).toEqual([10 + RESTORE_OFFSET, 20 + RESTORE_OFFSET]);
    // A second copy does not land exactly on the first.
    expect(getArtifact(live, second.id)!.get(ArtifactField.X)).toBe(10 + 2 * RESTORE_OFFSET);
    expect(readArtifacts(live).at(-1)!.id).toBe(second.id);
    expect((getArtifact(live, id)!.get(ArtifactField.Text) as Y.Text).toString()).toBe('');
  });

  it('is one change that reaches another peer and that the restoring browser can undo', () => {
    const live = new Y.Doc();
    const peer = new Y.Doc();
    live.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update));
    const id = sticky(live, 'Before');
    const past = snapshotOf(live);
    artifactsOf(live).delete(id);
    const undo = createUndoManager(live);
    let updates = 0;
    live.on('update', () => updates++);

    restoreArtifact(live, getArtifact(past, id)!);
    expect(updates).toBe(1);
    expect((getArtifact(peer, id)!.get(ArtifactField.Text) as Y.Text).toString()).toBe('Before');
    undo.undo();
    expect(getArtifact(peer, id)).toBeNull();
  });

  it('does not let a copy of the notes document take over from the one on the table', () => {
    const live = new Y.Doc();
    const id = createArtifact(live, {
      kind: ArtifactKind.Document,
      at: { x: 0, y: 0 },
      creator: hana,
      initialize: (artifact) => artifact.set(ArtifactField.Content, new Y.XmlFragment()),
      fields: { [ArtifactField.NotesOf]: 'tuning' },
    });
    const past = snapshotOf(live);
    const copy = restoreArtifact(live, getArtifact(past, id)!)!;
    expect(getArtifact(live, copy.id)!.has(ArtifactField.NotesOf)).toBe(false);
    artifactsOf(live).delete(id);
    const back = restoreArtifact(live, getArtifact(past, id)!)!;
    expect(back.sameId).toBe(true);
    expect(getArtifact(live, id)!.get(ArtifactField.NotesOf)).toBe('tuning');
  });

  it('refuses what is not a whole artifact', () => {
    const past = new Y.Doc();
    const broken = new Y.Map<unknown>();
    artifactsOf(past).set('x', broken);
    broken.set(ArtifactField.Kind, 'sticky');
    expect(restoreArtifact(new Y.Doc(), broken)).toBeNull();
  });
});
