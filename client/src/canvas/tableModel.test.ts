import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, readArtifactMeta } from '@worktable/shared';
import {
  LOCAL_ORIGIN,
  artifactsInside,
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
  sendToBack,
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

const initFrame: InitializeArtifact = (artifact, { title }) => artifact.set(ArtifactField.Title, title ?? '');

function frame(doc: Y.Doc, x = 0, y = 0, title = 'Evidence'): string {
  return createArtifact(doc, { kind: ArtifactKind.Frame, at: { x, y }, title, creator: ana, initialize: initFrame });
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
    expect(meta).toMatchObject({
      id: first,
      kind: 'sticky',
      x: 10,
      y: 21,
      w: 200,
      h: 200,
      createdBy: 'p_ana',
      createdByName: 'Ana',
      draft: false,
    });
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

  it('sends to back, keeping the order of what it sends and every depth above a frame’s', () => {
    const doc = new Y.Doc();
    const [a, b, c, d] = [sticky(doc), sticky(doc, 40), sticky(doc, 80), sticky(doc, 120)];
    const behind = frame(doc, -400, -400);
    sendToBack(doc, [d, c]);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([behind, c, d, a, b]);
    expect(readArtifacts(doc).every((m) => m.id === behind || m.z >= 1)).toBe(true);
    // Room below the rest: only the sent ones change.
    bringToFront(doc, [c, d]);
    bringToFront(doc, [a, b]);
    const before = new Map(readArtifacts(doc).map((m) => [m.id, m.z]));
    sendToBack(doc, [b]);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([behind, b, c, d, a]);
    expect(
      readArtifacts(doc)
        .filter((m) => m.id !== b)
        .every((m) => m.z === before.get(m.id)),
    ).toBe(true);
    expect(metaOf(doc, b)?.z).toBeGreaterThanOrEqual(1);
  });

  it('sending to back is one undo step, and does nothing when nothing else is on the table', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc);
    const only = sticky(doc);
    undo.stopCapturing();
    const z = metaOf(doc, only)?.z;
    sendToBack(doc, [only]);
    expect(metaOf(doc, only)?.z).toBe(z);
    const other = sticky(doc, 300);
    undo.stopCapturing();
    sendToBack(doc, [other]);
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([other, only]);
    undo.undo();
    expect(readArtifacts(doc).map((m) => m.id)).toEqual([only, other]);
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
    editLocally(mine, () => (getArtifact(mine, id)!.get(ArtifactField.Text) as Y.Text).insert(0, 'Claim: evidence first'));
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

  describe('frames', () => {
    it('are read like any artifact, with the default size, and lie behind everything else', () => {
      const doc = new Y.Doc();
      const note = sticky(doc, 40, 40);
      const id = frame(doc); // created later: a higher z than the note
      const map = getArtifact(doc, id);
      expect(map && readArtifactMeta(map)).toMatchObject({ id, kind: 'frame', x: 0, y: 0, w: 640, h: 420 });
      expect(map?.get(ArtifactField.Title)).toBe('Evidence');
      expect(metaOf(doc, id)?.z).toBeGreaterThan(metaOf(doc, note)?.z ?? Infinity);
      expect(readArtifacts(doc).map((m) => m.id)).toEqual([id, note]);
      bringToFront(doc, [id]);
      expect(readArtifacts(doc).map((m) => m.id)).toEqual([id, note]);
    });

    it('know what lies entirely inside them (not what only overlaps)', () => {
      const doc = new Y.Doc();
      const id = frame(doc, 0, 0);
      const inside = sticky(doc, 20, 20);
      const edge = sticky(doc, 440, 220); // exactly touches the bottom-right corner: inside
      const overlapping = sticky(doc, 600, 100);
      const outside = sticky(doc, 1000, 1000);
      expect(artifactsInside(doc, id).sort()).toEqual([inside, edge].sort());
      expect(artifactsInside(doc, inside)).toEqual([]); // not a frame
      expect(artifactsInside(doc, 'missing')).toEqual([]);
      expect(artifactsInside(doc, id)).not.toContain(overlapping);
      expect(artifactsInside(doc, id)).not.toContain(outside);
    });

    it('carry their contents when moved, in one transaction and one undo step', () => {
      const [mine, theirs] = syncedPair();
      const undo = createUndoManager(mine);
      const id = frame(mine, 0, 0);
      const inside = sticky(mine, 20, 20);
      const nested = frame(mine, 300, 150, 'Nested');
      setRects(mine, new Map([[nested, { w: 300, h: 200 }]]));
      const inNested = sticky(mine, 320, 160);
      const overlapping = sticky(mine, 600, 100);
      undo.stopCapturing();
      let transactions = 0;
      mine.on('afterTransaction', () => transactions++);
      moveBy(mine, [id, inside], 100, 50); // the selection may already hold some contents: moved once
      expect(transactions).toBe(1);
      expect(metaOf(theirs, id)).toMatchObject({ x: 100, y: 50 });
      expect(metaOf(theirs, inside)).toMatchObject({ x: 120, y: 70 });
      expect(metaOf(theirs, nested)).toMatchObject({ x: 400, y: 200 });
      expect(metaOf(theirs, inNested)).toMatchObject({ x: 420, y: 210 });
      expect(metaOf(theirs, overlapping)).toMatchObject({ x: 600, y: 100 });

      undo.undo();
      expect(metaOf(theirs, id)).toMatchObject({ x: 0, y: 0 });
      expect(metaOf(theirs, inside)).toMatchObject({ x: 20, y: 20 });
      expect(metaOf(theirs, nested)).toMatchObject({ x: 300, y: 150 });
      expect(metaOf(theirs, inNested)).toMatchObject({ x: 320, y: 160 });
      expect(metaOf(theirs, overlapping)).toMatchObject({ x: 600, y: 100 });
      expect(metaOf(mine, id)).not.toBeNull(); // one undo step: the frame was not taken back too
    });

    it('resize and delete without touching their contents', () => {
      const doc = new Y.Doc();
      const id = frame(doc, 0, 0);
      const inside = sticky(doc, 20, 20);
      setRects(doc, new Map([[id, { x: -50, y: -50, w: 900, h: 600 }]]));
      expect(metaOf(doc, inside)).toMatchObject({ x: 20, y: 20 });
      deleteArtifacts(doc, [id]);
      expect(metaOf(doc, id)).toBeNull();
      expect(metaOf(doc, inside)).toMatchObject({ x: 20, y: 20 });
    });
  });
});
