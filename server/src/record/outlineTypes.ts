/**
 * The record as one rendering shows it, in reading order: the summary, the themes and harvest,
 * then the agenda part by part (plenary blocks, and each round table by table). Every time is
 * already a string in the chosen zone and every person already named as the options allow, so
 * the Markdown and HTML renderers only lay it out and cannot leak what was left out.
 */
import type { Block } from '@worktable/shared';
import type { FeedbackType, HarvestKind, HeardOfType, NextStep } from '@worktable/shared';
import type { Attendance } from './people.js';
import type { RecordUpload } from './recordData.js';
import type { ArtifactContent } from './tableContent.js';

/** One line of the agenda: a block (convenings) or a phase (one table). */
export interface AgendaLine {
  title: string;
  /** Planned length, e.g. "20 min". */
  planned: string;
  /** The question a round opened with. */
  question: string | null;
  /** The block's phases when it has several. */
  phases: { title: string; planned: string }[];
}

/** The presenter's reflection in one reflection phase (several in a protocol with rounds). */
export interface ReflectionOutline {
  /** The phase, e.g. "Presenter reflection" or "Client responds · Round 2". */
  title: string;
  blocks: Block[];
}

/** What the one table of a session came to, at the top of the summary. */
export interface TableSummaryOutline {
  /** The presenter's focusing question, or null. */
  focus: string | null;
  /** The feedback heard, by type, with a few messages of each. */
  heard: HeardOfType[];
  /** The presenter's reflection, per reflection phase with something in it; null when the protocol has no reflection phase. */
  reflection: ReflectionOutline[] | null;
}

/** A next step from a checklist, with where it was written (null: the session's one table). */
export interface NextStepOutline extends NextStep {
  from: string | null;
}

/** The summary the record opens with. */
export interface SummaryOutline {
  /** What the session's one table came to (null for a convening or several tables): the record leads with it. */
  table: TableSummaryOutline | null;
  /** Next steps from every checklist (what, who, by when); owners are empty when names are left out. */
  nextSteps: NextStepOutline[];
  /** The session's day in full. */
  date: string;
  exportedAt: string;
  protocolTitle: string;
  protocolSummary: string;
  agenda: AgendaLine[];
  attendance: Attendance;
  /** The anonymous spread of talk time in the calls (when the host chose to include it), or null. */
  talkTime: string | null;
  /** How to read the record: the zone every time is in (named only here), the order of items on canvases, what is left out. */
  notes: string[];
}

/** A harvest card with where it came from. */
export interface CardOutline {
  kind: HarvestKind;
  text: string;
  /** For a shift: what it turns out. */
  turnsOut: string | null;
  /** "Table 2 · Round 1". */
  from: string;
  by: string;
}

/** A theme and its cards; `name: null` holds the cards not grouped into a theme. */
export interface ThemeOutline {
  name: string | null;
  cards: CardOutline[];
}

/** An artifact with its author and time as this rendering shows them. */
export interface ArtifactOutline {
  id: string;
  content: ArtifactContent;
  by: string;
  at: string;
  draft: boolean;
  /** Reactions in a line ("👍 2 · ❤️ 1"), or ''. */
  reactions: string;
}

/** A feedback thread. */
export interface ThreadOutline {
  type: FeedbackType;
  /** The title of the item it is about. */
  on: string;
  quote: string | null;
  resolved: boolean;
  messages: { author: string; text: string }[];
}

/** A closed dot vote, ranked. */
export interface VoteOutline {
  title: string;
  voters: number;
  dots: number;
  ranked: { dots: number; item: string }[];
}

/** What lies on a canvas in one part: artifacts in reading order, feedback, votes. */
export interface ItemsOutline {
  artifacts: ArtifactOutline[];
  threads: ThreadOutline[];
  votes: VoteOutline[];
}

/** A phase that ended, with the notes written in it. */
export interface PhaseOutline {
  title: string;
  endedAt: string;
  /** Scribe notes written under this phase (empty: the phase is listed in one line). */
  notes: Block[];
}

/** One table in one round. */
export interface TableOutline {
  name: string;
  /** The presenter's focusing question (the table's latest), or null. */
  focus: string | null;
  /** Who sat there as the round started (empty for a table no one was seated at). */
  seated: string[];
  host: string | null;
  /** Per role, who held it over which phases: "Facilitator: Ana (phases 1–3), Ben (phases 4–6)". */
  roles: string[];
  phases: PhaseOutline[];
  /** Notes not under an ended phase, by notes document title. */
  otherNotes: { title: string; blocks: Block[] }[];
  items: ItemsOutline;
}

/** A block everyone spent together in the plenary. */
export interface PlenaryOutline {
  kind: 'plenary';
  title: string;
  /** Per role, who held it over which phases. */
  roles: string[];
  phases: PhaseOutline[];
  otherNotes: { title: string; blocks: Block[] }[];
  items: ItemsOutline;
}

/** A round at the tables (or, for a session with one table, that table). */
export interface RoundOutline {
  kind: 'round';
  title: string;
  question: string | null;
  startedAt: string | null;
  tables: TableOutline[];
}

/** One part of the record after the harvest, in agenda order. */
export type PartOutline = PlenaryOutline | RoundOutline;

/** The whole record of one rendering. */
export interface RecordOutline {
  title: string;
  summary: SummaryOutline;
  themes: ThemeOutline[];
  parts: PartOutline[];
  /** Upload id → what the record shows of it (images' bytes are embedded in the HTML, within a budget). */
  uploads: Map<string, RecordUpload>;
}
