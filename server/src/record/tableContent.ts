/**
 * What is on a table document, read for the record: every artifact with its content (documents
 * as blocks, stickies, images and PDFs, links, data tables, frames, checklists), the feedback threads, and
 * which documents are scribe notes. Malformed entries are skipped.
 */
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  ChecklistItemField,
  DATA_TABLE_HEADER_ROW,
  cellKey,
  reactionLine,
  reactionPrefix,
  TableRoot,
  readArtifactMeta,
  readThread,
  inReadingOrder,
  type ArtifactMeta,
  type ChecklistLine,
  type FeedbackThread,
  readRichText,
  type Block,
} from '@worktable/shared';

/** One artifact's content, by kind. */
export type ArtifactContent =
  | { kind: 'document'; title: string; blocks: Block[]; notesOf: string | null }
  | { kind: 'sticky'; text: string; color: string | null }
  | { kind: 'image' | 'pdf'; title: string; uploadId: string | null; mime: string | null; fileName: string | null }
  | { kind: 'link'; title: string; url: string | null }
  | { kind: 'table'; title: string; rows: string[][] }
  | { kind: 'frame'; title: string }
  | { kind: 'checklist'; title: string; items: ChecklistLine[] };

/** An artifact on the table. */
export type RecordArtifact = ArtifactMeta & {
  content: ArtifactContent /** Reactions in a line ("👍 2 · ❤️ 1"), or ''. */;
  reactions?: string;
};

/** Everything on one table document. */
export interface TableContent {
  /** In reading order on the canvas (see readingOrder.ts). */
  artifacts: RecordArtifact[];
  threads: FeedbackThread[];
}

const text = (value: unknown): string => (value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '');
const optional = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const SAFE_URL = /^https?:\/\//i;

function rowsOf(artifact: Y.Map<unknown>): string[][] {
  const rowIds = artifact.get(ArtifactField.RowIds);
  const columnIds = artifact.get(ArtifactField.ColumnIds);
  const cells = artifact.get(ArtifactField.Cells);
  if (!(rowIds instanceof Y.Array) || !(columnIds instanceof Y.Array) || !(cells instanceof Y.Map)) return [];
  const columns = columnIds.toArray().filter((id): id is string => typeof id === 'string');
  // The column names first: they live in the header row, which is not among the row ids.
  const rows = [
    DATA_TABLE_HEADER_ROW,
    ...rowIds.toArray().filter((id): id is string => typeof id === 'string' && id !== DATA_TABLE_HEADER_ROW),
  ];
  return rows.map((row) => columns.map((column) => text(cells.get(cellKey(row, column)))));
}

function contentOf(meta: ArtifactMeta, artifact: Y.Map<unknown>): ArtifactContent {
  const title = text(artifact.get(ArtifactField.Title));
  switch (meta.kind) {
    case ArtifactKind.Document: {
      const fragment = artifact.get(ArtifactField.Content);
      return {
        kind: 'document',
        title,
        blocks: fragment instanceof Y.XmlFragment ? readRichText(fragment) : [],
        notesOf: optional(artifact.get(ArtifactField.NotesOf)),
      };
    }
    case ArtifactKind.Sticky:
      return { kind: 'sticky', text: text(artifact.get(ArtifactField.Text)), color: optional(artifact.get(ArtifactField.Color)) };
    case ArtifactKind.Image:
    case ArtifactKind.Pdf:
      return {
        kind: meta.kind,
        title,
        uploadId: optional(artifact.get(ArtifactField.UploadId)),
        mime: optional(artifact.get(ArtifactField.Mime)),
        fileName: optional(artifact.get(ArtifactField.FileName)),
      };
    case ArtifactKind.Link: {
      const url = optional(artifact.get(ArtifactField.Url));
      return { kind: 'link', title, url: url && SAFE_URL.test(url) ? url : null };
    }
    case ArtifactKind.DataTable:
      return { kind: 'table', title, rows: rowsOf(artifact) };
    case ArtifactKind.Frame:
      return { kind: 'frame', title };
    case ArtifactKind.Checklist: {
      const items = artifact.get(ArtifactField.Items);
      return {
        kind: 'checklist',
        title,
        items: (items instanceof Y.Array ? items.toArray() : [])
          .filter((item): item is Y.Map<unknown> => item instanceof Y.Map)
          .map((item) => ({
            text: text(item.get(ChecklistItemField.Text)),
            done: item.get(ChecklistItemField.Done) === true,
            owner: optional(item.get(ChecklistItemField.Owner)),
            due: optional(item.get(ChecklistItemField.Due)),
          })),
      };
    }
  }
}

/** The reaction keys (`<reaction>:<who>`) of one item. */
function reactionsOf(doc: Y.Doc, itemId: string): string[] {
  const prefix = reactionPrefix(itemId);
  const keys: string[] = [];
  for (const key of doc.getMap<unknown>(TableRoot.Reactions).keys()) if (key.startsWith(prefix)) keys.push(key.slice(prefix.length));
  return keys;
}

/** Reads a table document. */
export function readTableContent(doc: Y.Doc): TableContent {
  const artifacts: RecordArtifact[] = [];
  for (const value of doc.getMap<unknown>(TableRoot.Artifacts).values()) {
    if (!(value instanceof Y.Map)) continue;
    const meta = readArtifactMeta(value);
    if (meta) artifacts.push({ ...meta, content: contentOf(meta, value), reactions: reactionLine(reactionsOf(doc, meta.id)) });
  }
  const threads: FeedbackThread[] = [];
  for (const value of doc.getMap<unknown>(TableRoot.Feedback).values()) {
    const thread = value instanceof Y.Map ? readThread(value) : null;
    if (thread) threads.push(thread);
  }
  threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { artifacts: inReadingOrder(artifacts), threads };
}
