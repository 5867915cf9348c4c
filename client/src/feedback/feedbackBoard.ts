/**
 * What the feedback board shows (pure): every thread of the table, filtered by type and by the
 * phase it was written in, grouped by type in the usual order, with the counts each filter's
 * labels show. A type's count follows the chosen phase and a phase's count the chosen type, so
 * each label says what choosing it would show.
 */
import { FEEDBACK_TYPES, countByType, filterThreads, type FeedbackThread, type FeedbackType } from '@worktable/shared';

/** Every type, or one. */
export type TypeChoice = FeedbackType | 'all';

/** Every phase, one phase by id, or `null`: the threads written outside a phase. */
export type PhaseChoice = string | null | 'all';

/** What the board is filtered by. */
export interface BoardFilter {
  type: TypeChoice;
  phase: PhaseChoice;
}

/** The board unfiltered. */
export const ALL_FEEDBACK: BoardFilter = { type: 'all', phase: 'all' };

/** What the phase filter calls threads written outside a phase (and those written before phases were kept). */
export const OUTSIDE_A_PHASE = 'Outside a phase';

/** One choice of the phase filter. */
export interface PhaseOption {
  /** The phase id, or null for threads written outside a phase. */
  id: string | null;
  title: string;
  /** Threads of the chosen type written in it. */
  count: number;
}

/** The threads of one type, oldest first. */
export interface TypeGroup {
  type: FeedbackType;
  threads: FeedbackThread[];
}

/** Everything the board renders. */
export interface BoardView {
  /** Every thread of the table. */
  total: number;
  /** Threads in the chosen phase, per type (zero included). */
  typeCounts: Record<FeedbackType, number>;
  /** Threads in the chosen phase, all types. */
  phaseTotal: number;
  /** Types that have any thread at all, in the usual order (their chips stay put while filtering). */
  types: FeedbackType[];
  /** Phases that have any thread, in the order they were first written in. */
  phases: PhaseOption[];
  /** Threads of the chosen type written in any phase. */
  typeTotal: number;
  /** What both filters let through, by type in the usual order; only types with threads. */
  groups: TypeGroup[];
}

const phaseIdOf = (thread: FeedbackThread): string | null => thread.phase?.id ?? null;

/** The board's view of `threads` under `filter`. */
export function boardView(threads: readonly FeedbackThread[], filter: BoardFilter): BoardView {
  const oldestFirst = filterThreads(threads);
  const ofType = filterThreads(threads, filter.type === 'all' ? {} : { types: [filter.type] });
  const inPhase = filterThreads(threads, filter.phase === 'all' ? {} : { phaseId: filter.phase });
  const allCounts = countByType(oldestFirst);

  const phases = new Map<string | null, PhaseOption>();
  for (const thread of oldestFirst) {
    const id = phaseIdOf(thread);
    if (!phases.has(id)) phases.set(id, { id, title: thread.phase?.title ?? OUTSIDE_A_PHASE, count: 0 });
  }
  for (const thread of ofType) {
    const option = phases.get(phaseIdOf(thread));
    if (option) option.count++;
  }

  const shown = filter.type === 'all' ? inPhase : filterThreads(inPhase, { types: [filter.type] });
  const groups = FEEDBACK_TYPES.map((type) => ({ type, threads: shown.filter((t) => t.type === type) })).filter(
    (g) => g.threads.length > 0,
  );
  return {
    total: oldestFirst.length,
    typeCounts: countByType(inPhase),
    phaseTotal: inPhase.length,
    types: FEEDBACK_TYPES.filter((type) => allCounts[type] > 0),
    phases: [...phases.values()],
    typeTotal: ofType.length,
    groups,
  };
}
