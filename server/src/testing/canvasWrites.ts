/**
 * Test helpers that write canvas content the way the client does (the same Yjs shapes): artifacts
 * with their fields, Y.Text, rich-text elements, scribe notes with a heading per phase, feedback
 * threads and checklists.
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, ChecklistItemField, TableRoot, ThreadField } from '@worktable/shared';

/** Who made an artifact, and when. */
export interface Maker {
  id: string;
  name: string;
  at: number;
}

/** Where an artifact lies. */
export interface Place {
  x?: number;
  y: number;
  w?: number;
  h?: number;
}

/** Puts an artifact of `kind` on the canvas of `doc` with `fields` (call inside a transaction for several). */
export function putArtifact(
  doc: Y.Doc,
  id: string,
  kind: string,
  fields: Record<string, unknown>,
  place: Place,
  maker: Maker,
): Y.Map<unknown> {
  const artifact = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set(id, artifact);
  const base: Record<string, unknown> = {
    [ArtifactField.Id]: id,
    [ArtifactField.Kind]: kind,
    [ArtifactField.X]: place.x ?? 0,
    [ArtifactField.Y]: place.y,
    [ArtifactField.W]: place.w ?? 200,
    [ArtifactField.H]: place.h ?? 200,
    [ArtifactField.Z]: place.y,
    [ArtifactField.CreatedBy]: maker.id,
    [ArtifactField.CreatedByName]: maker.name,
    [ArtifactField.CreatedAt]: maker.at,
  };
  for (const [key, value] of Object.entries({ ...base, ...fields })) artifact.set(key, value);
  return artifact;
}

/** A Y.Text holding `value`. */
export function yText(value: string): Y.Text {
  const t = new Y.Text();
  t.insert(0, value);
  return t;
}

/** A rich-text element with children and attributes. */
export function xmlElement(name: string, children: (Y.XmlElement | Y.XmlText)[], attributes: Record<string, string> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  el.insert(0, children);
  return el;
}

/** A run of rich text with marks. */
export function xmlText(value: string, attributes?: Record<string, unknown>): Y.XmlText {
  const t = new Y.XmlText();
  t.insert(0, value, attributes);
  return t;
}

/** A sticky note. */
export function putSticky(doc: Y.Doc, id: string, text: string, place: Place, maker: Maker): void {
  putArtifact(doc, id, ArtifactKind.Sticky, { [ArtifactField.Text]: yText(text) }, place, maker);
}

/**
 * A scribe notes document keyed `notesOf`, as the client writes it: a level-2 heading per phase
 * followed by a paragraph (empty when nothing was written in that phase).
 */
export function putNotes(
  doc: Y.Doc,
  id: string,
  notesOf: string,
  title: string,
  sections: { heading: string; text: string }[],
  place: Place,
  maker: Maker,
): void {
  const content = new Y.XmlFragment();
  putArtifact(
    doc,
    id,
    ArtifactKind.Document,
    { [ArtifactField.Title]: title, [ArtifactField.NotesOf]: notesOf, [ArtifactField.Content]: content },
    place,
    maker,
  );
  content.insert(
    0,
    sections.flatMap((s) => [
      xmlElement('heading', [xmlText(s.heading)], { level: '2' }),
      xmlElement('paragraph', s.text ? [xmlText(s.text)] : []),
    ]),
  );
}

/** A feedback thread on `artifactId` with its messages. */
export function putThread(
  doc: Y.Doc,
  id: string,
  artifactId: string,
  type: string,
  messages: { text: string; authorId: string; authorName: string; at: number }[],
): void {
  const map = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(TableRoot.Feedback).set(id, map);
  const list = new Y.Array<unknown>();
  list.push(messages.map((m, i) => ({ id: `${id}-${i}`, authorId: m.authorId, authorName: m.authorName, text: m.text, at: m.at })));
  const first = messages[0];
  const fields = {
    [ThreadField.Id]: id,
    [ThreadField.ArtifactId]: artifactId,
    [ThreadField.Type]: type,
    [ThreadField.CreatedBy]: first?.authorId ?? '',
    [ThreadField.CreatedByName]: first?.authorName ?? '',
    [ThreadField.CreatedAt]: first?.at ?? 0,
    [ThreadField.Messages]: list,
  };
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
}

/** A checklist of decisions and actions. */
export function putChecklist(
  doc: Y.Doc,
  id: string,
  title: string,
  items: { text: string; owner?: string; due?: string; done?: boolean }[],
  place: Place,
  maker: Maker,
): void {
  const list = new Y.Array<Y.Map<unknown>>();
  list.push(
    items.map((item) => {
      const map = new Y.Map<unknown>();
      map.set(ChecklistItemField.Text, yText(item.text));
      map.set(ChecklistItemField.Done, item.done ?? false);
      if (item.owner) map.set(ChecklistItemField.Owner, item.owner);
      if (item.due) map.set(ChecklistItemField.Due, item.due);
      return map;
    }),
  );
  putArtifact(doc, id, ArtifactKind.Checklist, { [ArtifactField.Title]: title, [ArtifactField.Items]: list }, place, maker);
}
