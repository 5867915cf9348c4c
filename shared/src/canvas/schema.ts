/**
 * The table document's schema: the names of every shared type and field, declared once. One Yjs
 * document per table (`<sessionId>/<tableId>`) holds the canvas. Client code reads and writes
 * the document only through these names (see `tableModel.ts` in the client).
 *
 * Layout of a table document:
 * - `artifacts`: Y.Map<artifactId, Y.Map> — one Y.Map per artifact, fields in `ArtifactField`.
 * - `feedback`:  Y.Map<threadId, Y.Map>   — one Y.Map per feedback thread, fields in `ThreadField`.
 */

/** Version of this schema, stored in the document's `meta` map; bumped on incompatible change. */
export const TABLE_SCHEMA_VERSION = 1;

/** Names of the top-level shared types of a table document. */
export const TableRoot = {
  /** Y.Map of artifact id → artifact Y.Map. */
  Artifacts: 'artifacts',
  /** Y.Map of thread id → feedback thread Y.Map. */
  Feedback: 'feedback',
  /** Y.Map with `schemaVersion` and table-wide settings. */
  Meta: 'meta',
  /**
   * Y.Map of reactions on every item (artifacts and feedback threads): `"<itemId>/<reaction>:<who>"
   * → true` (see `reactions.ts`). One flat map, so two first reactions on one item never race to
   * create a nested map.
   */
  Reactions: 'reactions',
} as const;

/** The kinds of work a group can put on the table. */
export const ArtifactKind = {
  /** Rich text (TipTap), co-edited live. */
  Document: 'document',
  /** A short note with a colour. */
  Sticky: 'sticky',
  /** An uploaded image. */
  Image: 'image',
  /** An uploaded PDF, rendered page by page. */
  Pdf: 'pdf',
  /** A URL with a title, opened in a new tab. */
  Link: 'link',
  /** A small co-edited grid of cells. */
  DataTable: 'table',
  /**
   * A named rectangular area that groups the artifacts lying entirely inside it (moving the frame
   * moves them too). Always drawn behind every other kind, whatever its `z`.
   */
  Frame: 'frame',
  /**
   * Decisions and action items: a titled list of items, each with text, done, and an optional
   * owner and due date.
   */
  Checklist: 'checklist',
} as const;
/** One of the artifact kinds. */
export type ArtifactKind = (typeof ArtifactKind)[keyof typeof ArtifactKind];

/** All artifact kinds, in toolbar order. */
export const ARTIFACT_KINDS: readonly ArtifactKind[] = Object.values(ArtifactKind);

/** Field names inside an artifact's Y.Map. Which fields a kind uses is noted on each. */
export const ArtifactField = {
  Id: 'id',
  Kind: 'kind',
  /** Position of the top-left corner and size, in world units (numbers). */
  X: 'x',
  Y: 'y',
  W: 'w',
  H: 'h',
  /** Stacking order: higher is in front (number). */
  Z: 'z',
  /** Participant id and display name of who put it on the table, and when (epoch ms). */
  CreatedBy: 'createdBy',
  CreatedByName: 'createdByName',
  CreatedAt: 'createdAt',
  /** The owner marked it "draft / messy — feedback welcome" (boolean). */
  Draft: 'draft',
  /** Title (string): documents, links, images, PDFs, tables, frames. */
  Title: 'title',
  /** Sticky text (Y.Text). */
  Text: 'text',
  /** Sticky colour, one of `STICKY_COLORS` (string). */
  Color: 'color',
  /** Document body (Y.XmlFragment, bound to TipTap's Collaboration extension). */
  Content: 'content',
  /** Link target (string, http or https). */
  Url: 'url',
  /** Image/PDF: the upload id on the server, its MIME type and original file name (strings). */
  UploadId: 'uploadId',
  Mime: 'mime',
  FileName: 'fileName',
  /** PDF: the page everyone is looking at, 1-based (number). */
  Page: 'page',
  /** On the document that holds a protocol run's notes: the protocol id (string). */
  NotesOf: 'notesOf',
  /** Data table: row ids and column ids in order (Y.Array<string>), cells keyed `row:col` (Y.Map<Y.Text>); the column names are the cells of row `DATA_TABLE_HEADER_ROW`, which is never in the row ids. */
  RowIds: 'rowIds',
  ColumnIds: 'columnIds',
  Cells: 'cells',
  /** Checklist: its items in order (Y.Array of Y.Map with `ChecklistItemField`s). */
  Items: 'items',
} as const;

/** Row id of a data table's header cells (its column names); never in `rowIds`. */
export const DATA_TABLE_HEADER_ROW = 'header';

/** Field names inside a checklist item's Y.Map. */
export const ChecklistItemField = {
  Id: 'id',
  /** Y.Text. */
  Text: 'text',
  /** Boolean. */
  Done: 'done',
  /** Who will do it (free text, optional). */
  Owner: 'owner',
  /** When (ISO date yyyy-mm-dd, optional). */
  Due: 'due',
} as const;

/** Sticky note colours (names, mapped to colours by the client's theme). */
export const STICKY_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
/** One sticky colour. */
export type StickyColor = (typeof STICKY_COLORS)[number];

/** Default size of a new artifact of each kind, in world units. */
export const DEFAULT_ARTIFACT_SIZE: Readonly<Record<ArtifactKind, { w: number; h: number }>> = {
  document: { w: 360, h: 420 },
  sticky: { w: 200, h: 200 },
  image: { w: 320, h: 240 },
  pdf: { w: 360, h: 460 },
  link: { w: 280, h: 110 },
  table: { w: 420, h: 240 },
  frame: { w: 640, h: 420 },
  checklist: { w: 320, h: 260 },
};

/** Smallest size an artifact can be resized to. */
export const MIN_ARTIFACT_SIZE = { w: 80, h: 60 } as const;

/** Longest sticky text, in characters (enforced by the client; the relay's size limits bound the rest). */
export const MAX_STICKY_LENGTH = 500;

/** Largest data table. */
export const MAX_TABLE_ROWS = 200;
/** Largest data table. */
export const MAX_TABLE_COLUMNS = 26;

/** The key of a data-table cell in the `cells` map. */
export function cellKey(rowId: string, columnId: string): string {
  return `${rowId}:${columnId}`;
}

/** Plain, read-only view of an artifact's common fields (what the canvas needs to lay it out). */
export interface ArtifactMeta {
  id: string;
  kind: ArtifactKind;
  x: number;
  y: number;
  w: number;
  h: number;
  z: number;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  draft: boolean;
}

const KINDS: ReadonlySet<string> = new Set(ARTIFACT_KINDS);

/** Whether a value is an artifact kind. */
export function isArtifactKind(value: unknown): value is ArtifactKind {
  return typeof value === 'string' && KINDS.has(value);
}

/**
 * Reads an artifact's common fields from anything with `get(name)` (a Y.Map, or a plain Map in
 * tests), or returns null when they are missing or of the wrong type (a half-synced or hostile
 * entry is skipped, never rendered wrongly).
 */
export function readArtifactMeta(fields: { get(name: string): unknown }): ArtifactMeta | null {
  const id = fields.get(ArtifactField.Id);
  const kind = fields.get(ArtifactField.Kind);
  const numbers = [ArtifactField.X, ArtifactField.Y, ArtifactField.W, ArtifactField.H, ArtifactField.Z].map((n) => fields.get(n));
  if (typeof id !== 'string' || !isArtifactKind(kind)) return null;
  if (!numbers.every((n): n is number => typeof n === 'number' && Number.isFinite(n))) return null;
  const [x, y, w, h, z] = numbers as [number, number, number, number, number];
  if (w <= 0 || h <= 0) return null;
  const createdBy = fields.get(ArtifactField.CreatedBy);
  const createdByName = fields.get(ArtifactField.CreatedByName);
  const createdAt = fields.get(ArtifactField.CreatedAt);
  return {
    id,
    kind,
    x,
    y,
    w,
    h,
    z,
    createdBy: typeof createdBy === 'string' ? createdBy : '',
    createdByName: typeof createdByName === 'string' ? createdByName : 'Someone',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    draft: fields.get(ArtifactField.Draft) === true,
  };
}
