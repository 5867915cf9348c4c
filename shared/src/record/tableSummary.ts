/**
 * What a group's table adds up to when its protocol is complete, for the summary card in the
 * browser ("What we did") and the record's summary alike: the feedback heard, by type (a few
 * messages of each), the next steps from the table's checklists (what, who, by when), and which
 * phases are the presenter's reflection.
 */
import { FEEDBACK_TYPES, FEEDBACK_TYPE_INFO, type FeedbackThread, type FeedbackType } from '../feedback.js';
import { phaseNotesHeading } from './scribeNotes.js';

/** Feedback of one type: how many threads, and the first words of a few. */
export interface HeardOfType {
  type: FeedbackType;
  label: string;
  count: number;
  samples: string[];
}

/** One next step. */
export interface NextStep {
  text: string;
  /** Who takes it on ('' when nobody was named). */
  owner: string;
  /** By when ('' when no date was set). */
  due: string;
  done: boolean;
}

/** A checklist item as it was written: its text, whether it is done, its owner and due date when set. */
export interface ChecklistLine {
  text: string;
  done: boolean;
  owner: string | null;
  due: string | null;
}

/** How many messages of each type a summary quotes. */
export const SAMPLES_PER_TYPE = 3;

/** Ids of the phases in which the presenter reflects on what they heard (Tuning, Consultancy; the client's response in Troika). */
export const REFLECTION_PHASE_IDS: ReadonlySet<string> = new Set(['reflection', 'valuable']);

/** The feedback heard, by type in the protocol's usual order (types nobody used left out). */
export function heardByType(threads: readonly FeedbackThread[]): HeardOfType[] {
  return FEEDBACK_TYPES.flatMap((type) => {
    const ofType = threads.filter((t) => t.type === type);
    if (ofType.length === 0) return [];
    const samples = ofType
      .slice(0, SAMPLES_PER_TYPE)
      .map((t) => t.messages[0]?.text.trim() ?? t.quote ?? '')
      .filter((text) => text.length > 0);
    return [{ type, label: FEEDBACK_TYPE_INFO[type].label, count: ofType.length, samples }];
  });
}

/** The next steps among checklist items, in their order: every item with text (trimmed). */
export function nextStepsOf(items: Iterable<ChecklistLine>): NextStep[] {
  const steps: NextStep[] = [];
  for (const item of items) {
    const text = item.text.trim();
    if (text) steps.push({ text, owner: item.owner ?? '', due: item.due ?? '', done: item.done });
  }
  return steps;
}

/** A reflection phase of a protocol: its place in the timeline and the notes heading it is written under. */
export interface ReflectionStep {
  index: number;
  title: string;
  heading: string;
}

/** A protocol's phases as they run (each with its protocol round: 0 outside rounds). */
export interface PhasesInOrder {
  rounds: number;
  phases: readonly { id: string; title: string; round: number }[];
}

/** The protocol's reflection phases, in timeline order, with the heading the scribe's notes give each. */
export function reflectionSteps(protocol: PhasesInOrder): ReflectionStep[] {
  const count = protocol.phases.length;
  return protocol.phases.flatMap((phase, index) => {
    if (!REFLECTION_PHASE_IDS.has(phase.id)) return [];
    const protocolRound = protocol.rounds > 1 ? phase.round : 0;
    const heading = phaseNotesHeading({ phaseIndex: index, phaseCount: count, phaseTitle: phase.title, protocolRound });
    return [{ index, title: protocolRound > 0 ? `${phase.title} · Round ${protocolRound}` : phase.title, heading }];
  });
}
