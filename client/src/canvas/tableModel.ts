/**
 * The only code that writes the table document's artifacts. Every write runs in one
 * `doc.transact(fn, LOCAL_ORIGIN)`, so an undo manager made by `createUndoManager` undoes exactly
 * this browser's changes and never someone else's.
 */
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  DEFAULT_ARTIFACT_SIZE,
  TableRoot,
  contains,
  readArtifactMeta,
  type ArtifactMeta,
  type Point,
  type Rect,
} from '@worktable/shared';

/** Transaction origin of every local edit (the undo manager tracks only this origin). */
export const LOCAL_ORIGIN: unique symbol = Symbol('worktable-local-edit');

/** Who is creating an artifact. */
export interface Creator {
  participantId: string;
  name: string;
}

/** Fills the kind-specific fields of a new artifact (an `ArtifactView.initialize`). */
export type InitializeArtifact = (artifact: Y.Map<unknown>, options: { title?: string }) => void;

/** The artifacts map of a table document. */
export function artifactsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts);
}

/** An undo manager that undoes only this browser's edits to the artifacts. */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([artifactsOf(doc)], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
}

/** Runs `fn` as one local, undoable transaction (for artifact views writing their own fields). */
export function editLocally(doc: Y.Doc, fn: () => void): void {
  doc.transact(fn, LOCAL_ORIGIN);
}

/** Whether an artifact is a frame (drawn behind everything else, carries its contents along). */
export function isFrame(meta: Pick<ArtifactMeta, 'kind'>): boolean {
  return meta.kind === ArtifactKind.Frame;
}

/**
 * Every well-formed artifact, back to front (malformed or half-synced entries are skipped):
 * frames first, whatever their `z`, so they always lie behind the rest.
 */
export function readArtifacts(doc: Y.Doc): ArtifactMeta[] {
  const metas: ArtifactMeta[] = [];
  for (const [key, value] of artifactsOf(doc)) {
    if (!(value instanceof Y.Map)) continue;
    const meta = readArtifactMeta(value);
    if (meta && meta.id === key) metas.push(meta);
  }
  return metas.sort(
    (a, b) => Number(isFrame(b)) - Number(isFrame(a)) || a.z - b.z || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
}

/**
 * The ids of the artifacts whose rectangle lies entirely inside frame `frameId` (the frame
 * itself excluded; artifacts that only overlap it are not inside). Empty when `frameId` is not a frame.
 */
export function artifactsInside(doc: Y.Doc, frameId: string): string[] {
  const frame = metaOf(doc, frameId);
  if (!frame || !isFrame(frame)) return [];
  return readArtifacts(doc)
    .filter((m) => m.id !== frameId && contains(frame, m))
    .map((m) => m.id);
}

/** `ids` plus everything inside the frames among them (what moving `ids` actually moves), without duplicates. */
export function withFrameContents(doc: Y.Doc, ids: readonly string[]): string[] {
  const all = new Set(ids);
  for (const id of ids) for (const inside of artifactsInside(doc, id)) all.add(inside);
  return [...all];
}

function maxZ(doc: Y.Doc): number {
  let z = 0;
  for (const meta of readArtifacts(doc)) z = Math.max(z, meta.z);
  return z;
}

/** What to create. */
export interface NewArtifact {
  kind: ArtifactKind;
  /** Top-left corner in world units. */
  at: Point;
  size?: { w: number; h: number };
  title?: string;
  creator: Creator;
  initialize: InitializeArtifact;
  /** Extra plain fields set after `initialize` (e.g. a link's URL, an upload's id). */
  fields?: Readonly<Record<string, string | number | boolean>>;
  /** Last step inside the same transaction (e.g. a pasted sticky's text). */
  fill?: (artifact: Y.Map<unknown>) => void;
}

/** Puts a new artifact on the table, in front of all others; returns its id. */
export function createArtifact(doc: Y.Doc, spec: NewArtifact): string {
  const id = crypto.randomUUID();
  const size = spec.size ?? DEFAULT_ARTIFACT_SIZE[spec.kind];
  doc.transact(() => {
    const artifact = new Y.Map<unknown>();
    // Integrate first, so nested types created by `initialize` belong to the document.
    artifactsOf(doc).set(id, artifact);
    artifact.set(ArtifactField.Id, id);
    artifact.set(ArtifactField.Kind, spec.kind);
    artifact.set(ArtifactField.X, Math.round(spec.at.x));
    artifact.set(ArtifactField.Y, Math.round(spec.at.y));
    artifact.set(ArtifactField.W, size.w);
    artifact.set(ArtifactField.H, size.h);
    artifact.set(ArtifactField.Z, maxZ(doc) + 1);
    artifact.set(ArtifactField.CreatedBy, spec.creator.participantId);
    artifact.set(ArtifactField.CreatedByName, spec.creator.name);
    artifact.set(ArtifactField.CreatedAt, Date.now());
    artifact.set(ArtifactField.Draft, false);
    spec.initialize(artifact, spec.title === undefined ? {} : { title: spec.title });
    for (const [name, value] of Object.entries(spec.fields ?? {})) artifact.set(name, value);
    spec.fill?.(artifact);
  }, LOCAL_ORIGIN);
  return id;
}

/** An artifact's Y.Map, or null. */
export function getArtifact(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = artifactsOf(doc).get(id);
  return value instanceof Y.Map ? value : null;
}

/** Sets new positions (and sizes) of several artifacts in one transaction. */
export function setRects(doc: Y.Doc, rects: ReadonlyMap<string, Partial<Rect>>): void {
  if (rects.size === 0) return;
  doc.transact(() => {
    for (const [id, rect] of rects) {
      const artifact = getArtifact(doc, id);
      if (!artifact) continue;
      // Only changed fields are written: someone else's concurrent edit of another field stays theirs.
      const fields = [
        [ArtifactField.X, rect.x],
        [ArtifactField.Y, rect.y],
        [ArtifactField.W, rect.w],
        [ArtifactField.H, rect.h],
      ] as const;
      for (const [name, value] of fields) {
        if (value === undefined) continue;
        const rounded = Math.round(value);
        if (artifact.get(name) !== rounded) artifact.set(name, rounded);
      }
    }
  }, LOCAL_ORIGIN);
}

/** Moves artifacts by a world delta, in one transaction; a frame carries the artifacts inside it along. */
export function moveBy(doc: Y.Doc, ids: readonly string[], dx: number, dy: number): void {
  const rects = new Map<string, Partial<Rect>>();
  for (const id of withFrameContents(doc, ids)) {
    const meta = metaOf(doc, id);
    if (meta) rects.set(id, { x: meta.x + dx, y: meta.y + dy });
  }
  setRects(doc, rects);
}

/** The common fields of one artifact, or null. */
export function metaOf(doc: Y.Doc, id: string): ArtifactMeta | null {
  const artifact = getArtifact(doc, id);
  return artifact ? readArtifactMeta(artifact) : null;
}

/** Brings artifacts in front of all others, keeping their order among themselves. */
export function bringToFront(doc: Y.Doc, ids: readonly string[]): void {
  const wanted = new Set(ids);
  const chosen = readArtifacts(doc).filter((m) => wanted.has(m.id));
  if (chosen.length === 0) return;
  doc.transact(() => {
    let z = maxZ(doc);
    for (const meta of chosen) getArtifact(doc, meta.id)?.set(ArtifactField.Z, ++z);
  }, LOCAL_ORIGIN);
}

/**
 * Sends artifacts behind all others, keeping their order among themselves. Depths stay at 1 or
 * above (a frame is drawn at depth 0, so nothing may go under it): when there is no room below
 * the rest, everything is renumbered from 1 in its new order, writing only the depths that change.
 */
export function sendToBack(doc: Y.Doc, ids: readonly string[]): void {
  const wanted = new Set(ids);
  const all = readArtifacts(doc);
  const chosen = all.filter((m) => wanted.has(m.id));
  const rest = all.filter((m) => !wanted.has(m.id));
  if (chosen.length === 0 || rest.length === 0) return;
  const lowest = Math.min(...rest.map((m) => m.z));
  doc.transact(() => {
    if (lowest - chosen.length >= 1) {
      for (const [i, meta] of chosen.entries()) getArtifact(doc, meta.id)?.set(ArtifactField.Z, lowest - chosen.length + i);
      return;
    }
    [...chosen, ...rest].forEach((meta, i) => {
      if (meta.z !== i + 1) getArtifact(doc, meta.id)?.set(ArtifactField.Z, i + 1);
    });
  }, LOCAL_ORIGIN);
}

/** Takes artifacts off the table (undo brings them back with their content). */
export function deleteArtifacts(doc: Y.Doc, ids: readonly string[]): void {
  if (ids.length === 0) return;
  doc.transact(() => {
    const map = artifactsOf(doc);
    for (const id of ids) map.delete(id);
  }, LOCAL_ORIGIN);
}

/** Marks an artifact "draft — feedback welcome", or not. */
export function setDraft(doc: Y.Doc, id: string, draft: boolean): void {
  doc.transact(() => getArtifact(doc, id)?.set(ArtifactField.Draft, draft), LOCAL_ORIGIN);
}

/** How far a restored copy is shifted from an artifact that still holds its place, in world units. */
export const RESTORE_OFFSET = 32;

/** What `restoreArtifact` put on the table. */
export interface RestoredArtifact {
  id: string;
  /** True when it kept its own id (the table had no artifact with it); false for a copy beside it. */
  sameId: boolean;
}

/**
 * Puts a deep copy of `source` — an artifact of another document, e.g. a history snapshot — on
 * the table as one new local (undoable) change, in front of all others; `source` is only read.
 * Nested types (Y.Text, Y.XmlFragment, Y.Array, Y.Map) are copied, not shared. It keeps its id
 * when the table has no artifact with that id; otherwise it gets a new one and lies a little down
 * and right of the one still there. A copy of a run's notes document does not take over from the
 * notes document still on the table. Null when `source` is not a well-formed artifact.
 */
export function restoreArtifact(doc: Y.Doc, source: Y.Map<unknown>): RestoredArtifact | null {
  const meta = readArtifactMeta(source);
  if (!meta) return null;
  const sameId = !artifactsOf(doc).has(meta.id);
  const id = sameId ? meta.id : crypto.randomUUID();
  const notesOf = source.get(ArtifactField.NotesOf);
  const notesTaken =
    typeof notesOf === 'string' && readArtifacts(doc).some((m) => getArtifact(doc, m.id)?.get(ArtifactField.NotesOf) === notesOf);
  let at = { x: meta.x, y: meta.y };
  if (!sameId) {
    const taken = new Set(readArtifacts(doc).map((m) => `${m.x},${m.y}`));
    do {
      at = { x: at.x + RESTORE_OFFSET, y: at.y + RESTORE_OFFSET };
    } while (taken.has(`${at.x},${at.y}`));
  }
  doc.transact(() => {
    const z = maxZ(doc) + 1;
    const copy = source.clone();
    artifactsOf(doc).set(id, copy);
    copy.set(ArtifactField.Id, id);
    copy.set(ArtifactField.X, at.x);
    copy.set(ArtifactField.Y, at.y);
    copy.set(ArtifactField.Z, z);
    if (notesTaken) copy.delete(ArtifactField.NotesOf);
  }, LOCAL_ORIGIN);
  return { id, sameId };
}
