import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import {
  LOCAL_ORIGIN,
  artifactsOf,
  bringToFront,
  createArtifact,
  createUndoManager,
  deleteArtifacts,
  editLocally,
  getArtifact,
  metaOf,
  moveBy,
  readArtifacts,
  setDraft,
  setRects,
  type InitializeArtifact,
} from './tableModel.js';

const ana = { participantId: 'p_ana', name: 'Ana' };
const ben = { participantId: 'p_ben', name: 'Ben' };
const initSticky: InitializeArtifact = (artifact) => {
  artifact.set(ArtifactField.Text, new Y.Text());
  artifact.set(ArtifactField.Color, 'yellow');
};

function sticky(doc: Y.Doc, x = 0, y = 0, creator = ana): string {
  return createArtifact(doc, { kind: ArtifactKind.Sticky, at: { x, y }, creator, initialize: initSticky });
}

/** Two documents that exchange every update, as two browsers through the relay do. */
function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

describe('tableModel', () => {
  it('creates an artifact with its common fields, in front of the others', () => {
    const doc = new Y.Doc();
    const first = sticky(doc, 10.4, 20.6);
    const second = sticky(doc, 50, 60);
    const meta = metaOf(doc, first);
    expect(meta).toMatchObject({ id: first, kind: 'sticky', x: 10, y: 21, w: 200, h: 200, createdBy: 'p_ana', createdByName: 'Ana', draft: false });
    expect(metaOf(doc, second)?.z).toBe((meta?.z ?? 0) + 1);
    expect(getArtifact(doc, first)?.get(ArtifactField.Text)).toBeInstanceOf(Y.Text);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([first, second]);
  });

  it('moves, resizes, brings to front and marks drafts', () => {
    const doc = new Y.Doc();
    const a = sticky(doc);
    const b = sticky(doc, 100, 100);
    moveBy(doc, [a, b], 5, -5);
    expect([metaOf(doc, a)?.x, metaOf(doc, a)?.y, metaOf(doc, b)?.x]).toEqual([5, -5, 105]);
    setRects(doc, new Map([[a, { w: 300, h: 120 }]]));
    expect(metaOf(doc, a)).toMatchObject({ w: 300, h: 120 });
    bringToFront(doc, [a]);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([b, a]);
    setDraft(doc, a, true);
    expect(metaOf(doc, a)?.draft).toBe(true);
  });

  it('moves a multi-selection in one transaction', () => {
    const doc = new Y.Doc();
    const ids = [sticky(doc), sticky(doc, 40, 40)];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveBy(doc, ids, 10, 10);
    expect(transactions).toBe(1);
  });

  it('undoes only the local edits, never the other person’s', () => {
    const [mine, theirs] = syncedPair();
    const undo = createUndoManager(mine);
    const id = sticky(mine);
    undo.stopCapturing();
    expect(metaOf(theirs, id)).not.toBeNull();
    moveBy(mine, [id], 100, 0);
    undo.stopCapturing();
    const other = sticky(theirs, 500, 500, ben);
    moveBy(theirs, [id], 0, 50);

    undo.undo(); // my move
    expect(metaOf(mine, id)).toMatchObject({ x: 0, y: 50 });
    expect(metaOf(theirs, id)).toMatchObject({ x: 0, y: 50 });
    undo.undo(); // my creation
    expect(metaOf(theirs, id)).toBeNull();
    expect(metaOf(mine, other)).not.toBeNull();
    undo.redo();
    expect(metaOf(theirs, id)).not.toBeNull();
  });

  it('brings a deleted artifact back with its content on undo', () => {
    const [mine, theirs] = syncedPair();
    const undo = createUndoManager(mine);
    const id = sticky(mine);
    editLocally(mine, () => (getArtifact(mine, id)?.get(ArtifactField.Text) as Y.Text).insert(0, 'Claim: evidence first'));
    undo.stopCapturing();
    deleteArtifacts(mine, [id]);
    expect(metaOf(theirs, id)).toBeNull();
    undo.undo();
    const restored = getArtifact(theirs, id);
    expect(restored && metaOf(theirs, id)).toMatchObject({ id, kind: 'sticky' });
    expect(String(restored?.get(ArtifactField.Text))).toBe('Claim: evidence first');
  });

  it('skips malformed entries when reading', () => {
    const doc = new Y.Doc();
    const good = sticky(doc);
    doc.transact(() => {
      const map = artifactsOf(doc) as unknown as Y.Map<unknown>;
      map.set('plain', 'not a map');
      const noKind = new Y.Map<unknown>();
      map.set('no-kind', noKind);
      noKind.set(ArtifactField.Id, 'no-kind');
      const badSize = new Y.Map<unknown>();
      map.set('bad-size', badSize);
      for (const [k, v] of Object.entries({ id: 'bad-size', kind: 'sticky', x: 0, y: 0, w: -1, h: 10, z: 1 })) badSize.set(k, v);
      const wrongId = new Y.Map<unknown>();
      map.set('wrong-id', wrongId);
      for (const [k, v] of Object.entries({ id: 'other', kind: 'sticky', x: 0, y: 0, w: 10, h: 10, z: 1 })) wrongId.set(k, v);
    }, LOCAL_ORIGIN);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([good]);
  });
});
