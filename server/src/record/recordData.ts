/**
 * The shape of a session's record as collected (collect.ts): what happened, unfiltered and
 * unformatted. The outline (outline.ts) turns it into what one rendering shows.
 */
import type { AgendaBlock, ClosedVote, HarvestCard, HarvestTheme, HistoryLabel, SessionControl, TableSeating } from '@worktable/shared';
import type { TableContent } from './tableContent.js';

/** The image types a record embeds (what browsers show from a data URL). */
export const EMBEDDABLE_IMAGES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * An upload as the record shows it. `bytes` are there only for an image the HTML embeds: not for
 * Markdown, not for PDF files (the record gives their size), and not past the export's budget of
 * embedded bytes (`MAX_EXPORT_EMBED_BYTES`), so one large image on many cards cannot blow up a record.
 */
export interface RecordUpload {
  mime: string;
  name: string;
  size: number;
  bytes: Uint8Array | null;
}

/** A participant in the record. */
export interface RecordPerson {
  id: string;
  name: string;
  role: string;
  organization: string | null;
  systemRole: string | null;
}

/** Who sat at one table in one round, as the round started. */
export interface RecordSeat {
  /** The convening round (0: the whole session when it was not a convening). */
  round: number;
  members: string[];
  host: string | null;
}

/** One table in the record: its seating per round and everything on its document. */
export interface RecordTable {
  id: string;
  name: string;
  /** Who sat there in each round, oldest first. */
  seating: RecordSeat[];
  content: TableContent;
  votes: ClosedVote[];
  /** Phases that ended here, in the order they ended, with who held each role. */
  phases: HistoryLabel[];
}

/** One round's seating: as it started (`at` known) or, for sessions from before that was kept, as it ended. */
export interface RoundSeatingRecord {
  round: number;
  /** The agenda block it ran as, when known. */
  blockId: string | null;
  /** Server epoch ms when the round started, when known. */
  at: number | null;
  tables: TableSeating[];
}

/** One block of the agenda with the question it opened with (table blocks). */
export interface RecordAgendaBlock {
  block: AgendaBlock;
  question: string | null;
}

/** Everything an export shows. */
export interface SessionRecordData {
  sessionId: string;
  title: string;
  createdAt: number;
  exportedAt: number;
  /** The protocol; its phases in timeline order (`round`: the protocol's own round, 0 in its opening and closing). */
  protocol: {
    id: string;
    title: string;
    summary: string;
    rounds: number;
    phases: { id: string; title: string; prompt: string; durationMs: number; round: number }[];
  };
  /** The convening's agenda in order (empty for a session with one table). */
  agenda: RecordAgendaBlock[];
  /** Each round's seating, oldest first (empty for a session with one table). */
  rounds: RoundSeatingRecord[];
  people: RecordPerson[];
  tables: RecordTable[];
  /** Every phase that ended anywhere (tables and the plenary, `tableId: 'plenary'`), in the order they ended. */
  phases: HistoryLabel[];
  /** What is on the plenary canvas besides the harvest. */
  plenary: TableContent;
  harvest: HarvestCard[];
  themes: HarvestTheme[];
  /** Card id → theme id. */
  cardThemes: Record<string, string>;
  /** Upload id → what the record shows of it (images' bytes are embedded in the HTML, within a budget). */
  uploads: Map<string, RecordUpload>;
  /** Dots each person has placed in votes still open (not yet in the record's votes). */
  openVoteDots: Record<string, number>[];
  /** The control state, when the session has one. */
  control: SessionControl | null;
}
