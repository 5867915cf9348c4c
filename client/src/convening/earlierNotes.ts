/**
 * The notes earlier rounds left on a table (see `notesKey`): what the "Before you arrived" panel
 * lists for people who just sat down. Pure reads of the table document.
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, notesProtocolOf, notesRoundOf, readArtifactMeta } from '@worktable/shared';
import { artifactsOf } from '../canvas/tableModel.js';

/** Longest preview of a notes document, in characters. */
export const NOTES_PREVIEW_CHARS = 280;

/** One earlier round's notes on this table. */
export interface EarlierNotes {
  /** The artifact id (to find it on the canvas). */
  id: string;
  round: number;
  title: string;
  /** What was written (phase headings left out), shortened; empty when nothing was. */
  preview: string;
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? textOf(child) : ''))
    .join(node.nodeName === 'paragraph' || node.nodeName === 'heading' ? '' : ' ');
}

/** The written text of a notes document, block by block, without the phase headings the app adds. */
export function notesText(fragment: Y.XmlFragment): string[] {
  const blocks: string[] = [];
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName === 'heading') continue;
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/** Shortens `text` to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = NOTES_PREVIEW_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Something left on the table before this round started. */
export interface EarlierItem {
  id: string;
  kind: ArtifactKind;
  /** Its first words or title, else what it is and who made it. */
  title: string;
  createdAt: number;
}

/** Artifacts on the table made before `startedAt` (the round's start), oldest first — notes documents are listed on their own. */
export function earlierItems(doc: Y.Doc, startedAt: number, describe: (artifact: Y.Map<unknown>) => string): EarlierItem[] {
  const found: EarlierItem[] = [];
  for (const [id, artifact] of artifactsOf(doc)) {
    if (!(artifact instanceof Y.Map)) continue;
    const meta = readArtifactMeta(artifact);
    if (!meta || meta.createdAt >= startedAt || typeof artifact.get(ArtifactField.NotesOf) === 'string') continue;
    found.push({ id, kind: meta.kind, title: describe(artifact) || `${meta.kind} by ${meta.createdByName}`, createdAt: meta.createdAt });
  }
  return found.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The notes documents of rounds before `round` of protocol `protocolId` on this table, oldest first. */
export function earlierNotes(doc: Y.Doc, protocolId: string, round: number): EarlierNotes[] {
  const found: EarlierNotes[] = [];
  for (const [id, artifact] of artifactsOf(doc)) {
    if (!(artifact instanceof Y.Map) || readArtifactMeta(artifact)?.kind !== ArtifactKind.Document) continue;
    const key = artifact.get(ArtifactField.NotesOf);
    if (typeof key !== 'string' || notesProtocolOf(key) !== protocolId) continue;
    const notesRound = notesRoundOf(key);
    if (notesRound === null || notesRound >= round) continue;
    const title = artifact.get(ArtifactField.Title);
    const content = artifact.get(ArtifactField.Content);
    const preview = content instanceof Y.XmlFragment ? shorten(notesText(content).join(' · ')) : '';
    found.push({ id, round: notesRound, title: typeof title === 'string' && title ? title : `Notes · Round ${notesRound}`, preview });
  }
  return found.sort((a, b) => a.round - b.round || a.id.localeCompare(b.id));
}
