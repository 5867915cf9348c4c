/**
 * Feedback attached to artifacts: typed threads, as protocols use them (clarifying and probing
 * questions, warm and cool feedback, "I notice", "I wonder", plain comments). Types are declared
 * here so a protocol phase (issue #4) can open only some of them.
 *
 * A thread lives in the table document's `feedback` map as a Y.Map with the `ThreadField` names.
 */

/** The kinds of feedback. */
export const FeedbackType = {
  Clarifying: 'clarifying',
  Probing: 'probing',
  Warm: 'warm',
  Cool: 'cool',
  Notice: 'notice',
  Wonder: 'wonder',
  Comment: 'comment',
} as const;
/** One feedback type. */
export type FeedbackType = (typeof FeedbackType)[keyof typeof FeedbackType];

/** All feedback types, in the order a menu shows them. */
export const FEEDBACK_TYPES: readonly FeedbackType[] = Object.values(FeedbackType);

/** Labels and one-line guidance for people, per type. */
export const FEEDBACK_TYPE_INFO: Readonly<Record<FeedbackType, { label: string; hint: string }>> = {
  clarifying: { label: 'Clarifying question', hint: 'A quick, factual question the presenter can answer briefly.' },
  probing: { label: 'Probing question', hint: 'An open question that helps the presenter think more deeply.' },
  warm: { label: 'Warm feedback', hint: 'What seems to work, and why.' },
  cool: { label: 'Cool feedback', hint: 'Gaps, questions, or things to consider — kind, helpful, specific.' },
  notice: { label: 'I notice…', hint: 'Something you observe, without judging it.' },
  wonder: { label: 'I wonder…', hint: 'A question or possibility the work raises for you.' },
  comment: { label: 'Comment', hint: 'Anything else.' },
};

/** Field names inside a thread's Y.Map. */
export const ThreadField = {
  Id: 'id',
  /** The artifact the thread is about (string). */
  ArtifactId: 'artifactId',
  /** One of `FeedbackType` (string). */
  Type: 'type',
  /** For a passage of a document: Y.RelativePosition JSON of the start and end (optional). */
  AnchorStart: 'anchorStart',
  AnchorEnd: 'anchorEnd',
  /** The quoted passage at the time the thread was opened (string, optional). */
  Quote: 'quote',
  CreatedBy: 'createdBy',
  CreatedByName: 'createdByName',
  CreatedAt: 'createdAt',
  /** The protocol phase it was written in: its id and title (strings; absent outside a phase and in older threads). */
  PhaseId: 'phaseId',
  PhaseTitle: 'phaseTitle',
  /** Resolved (boolean) and by whom. */
  Resolved: 'resolved',
  ResolvedBy: 'resolvedBy',
  /** The messages, oldest first (Y.Array of `FeedbackMessage`). */
  Messages: 'messages',
} as const;

/** Longest feedback message, in characters. */
export const MAX_FEEDBACK_LENGTH = 2000;

/** One message in a thread (stored as a plain object in a Y.Array). */
export interface FeedbackMessage {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  at: number;
}

/** A protocol phase, as a thread remembers the one it was written in. */
export interface ThreadPhase {
  id: string;
  title: string;
}

/** Plain view of a thread, for filtering, counting and rendering. */
export interface FeedbackThread {
  id: string;
  artifactId: string;
  type: FeedbackType;
  quote: string | null;
  /** Y.RelativePosition JSON of the passage, when the thread is about one (see `ThreadField.AnchorStart`). */
  anchor?: { start: unknown; end: unknown };
  createdBy: string;
  createdByName: string;
  createdAt: number;
  /** The phase it was written in; null outside a phase (and for threads written before phases were kept). */
  phase: ThreadPhase | null;
  resolved: boolean;
  messages: FeedbackMessage[];
}

const TYPES: ReadonlySet<string> = new Set(FEEDBACK_TYPES);

/** Whether a value is a feedback type. */
export function isFeedbackType(value: unknown): value is FeedbackType {
  return typeof value === 'string' && TYPES.has(value);
}

/** A filter over threads; every given criterion must match. */
export interface ThreadFilter {
  artifactId?: string;
  types?: readonly FeedbackType[];
  resolved?: boolean;
  /** The id of the phase written in; null: those written outside a phase. */
  phaseId?: string | null;
}

/** The threads matching `filter`, oldest first. */
export function filterThreads(threads: readonly FeedbackThread[], filter: ThreadFilter = {}): FeedbackThread[] {
  return threads
    .filter(
      (t) =>
        (filter.artifactId === undefined || t.artifactId === filter.artifactId) &&
        (filter.types === undefined || filter.types.includes(t.type)) &&
        (filter.resolved === undefined || t.resolved === filter.resolved) &&
        (filter.phaseId === undefined || (t.phase?.id ?? null) === filter.phaseId),
    )
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** How many threads of each type (every type present, zero when none). */
export function countByType(threads: readonly FeedbackThread[]): Record<FeedbackType, number> {
  const counts = Object.fromEntries(FEEDBACK_TYPES.map((t) => [t, 0])) as Record<FeedbackType, number>;
  for (const t of threads) counts[t.type]++;
  return counts;
}

/** Checks a message a person typed; returns the trimmed text or a reason it cannot be posted. */
export function validateFeedbackText(text: string): { ok: true; text: string } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, reason: 'Write something first.' };
  if (trimmed.length > MAX_FEEDBACK_LENGTH) return { ok: false, reason: `Keep it under ${MAX_FEEDBACK_LENGTH} characters.` };
  return { ok: true, text: trimmed };
}

/** What reading a thread needs from a Y.Map (structural, so this module needs no Yjs). */
export interface FieldSource {
  get(name: string): unknown;
}

const isList = (value: unknown): value is { toArray(): unknown[] } =>
  typeof value === 'object' && value !== null && typeof (value as { toArray?: unknown }).toArray === 'function';

function readMessage(value: unknown): FeedbackMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'string' || typeof m.text !== 'string' || typeof m.at !== 'number') return null;
  return {
    id: m.id,
    authorId: typeof m.authorId === 'string' ? m.authorId : '',
    authorName: typeof m.authorName === 'string' ? m.authorName : 'Someone',
    text: m.text,
    at: m.at,
  };
}

/** Reads one thread from its Y.Map, or null when it is malformed (skipped, never shown wrongly). */
export function readThread(map: FieldSource): FeedbackThread | null {
  const id = map.get(ThreadField.Id);
  const artifactId = map.get(ThreadField.ArtifactId);
  const type = map.get(ThreadField.Type);
  const messages = map.get(ThreadField.Messages);
  if (typeof id !== 'string' || typeof artifactId !== 'string' || !isFeedbackType(type) || !isList(messages)) return null;
  const quote = map.get(ThreadField.Quote);
  const createdAt = map.get(ThreadField.CreatedAt);
  const createdBy = map.get(ThreadField.CreatedBy);
  const createdByName = map.get(ThreadField.CreatedByName);
  const phaseId = map.get(ThreadField.PhaseId);
  const phaseTitle = map.get(ThreadField.PhaseTitle);
  const start = map.get(ThreadField.AnchorStart);
  const end = map.get(ThreadField.AnchorEnd);
  return {
    id,
    artifactId,
    type,
    quote: typeof quote === 'string' ? quote : null,
    ...(start && end ? { anchor: { start, end } } : {}),
    createdBy: typeof createdBy === 'string' ? createdBy : '',
    createdByName: typeof createdByName === 'string' ? createdByName : 'Someone',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    phase:
      typeof phaseId === 'string' && phaseId
        ? { id: phaseId, title: typeof phaseTitle === 'string' && phaseTitle ? phaseTitle : phaseId }
        : null,
    resolved: map.get(ThreadField.Resolved) === true,
    messages: messages
      .toArray()
      .map(readMessage)
      .filter((m): m is FeedbackMessage => m !== null),
  };
}
