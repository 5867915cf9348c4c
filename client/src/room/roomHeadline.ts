/**
 * The words at the top of the room display, as big as the room needs them: a line saying where
 * the convening is ("Round 1 of 3 · Café round"), the question in large type, and a note of
 * what comes next or what it waits for. Pure.
 */
import { ClockMode, type SessionState } from '@worktable/shared';
import { agendaStage, currentBlockOf, currentQuestion, isTogether, nextBlockOf, roundOfLabel } from '../convening/agendaView.js';

/** What the room reads first. */
export interface RoomHeadline {
  /** Where the convening is. */
  eyebrow: string;
  /** The question (or what to do now). */
  headline: string;
  /** Whether the headline is a long prompt rather than a question (set smaller). */
  long: boolean;
  /** What comes next, or what the agenda waits for; null for nothing. */
  note: string | null;
}

/** Prompts longer than this are set smaller than a question. */
const LONG_CHARS = 100;

/** Before the start with nobody seated yet: the room's first job is to let people join. */
export function isWelcome(state: SessionState): boolean {
  return agendaStage(state) === 'before' && !(state.convening && state.tableCount > 0);
}

/** The headline for `state`. */
export function roomHeadline(state: SessionState): RoomHeadline {
  const stage = agendaStage(state);
  const next = nextBlockOf(state);
  if (stage === 'before') {
    return {
      eyebrow: 'Starting soon',
      headline: isWelcome(state) ? 'Welcome — scan the code to join' : 'Welcome — find your table',
      long: false,
      note: next ? `Up first: ${next.title}` : null,
    };
  }
  if (stage === 'over') return { eyebrow: 'The end', headline: 'Thank you — the convening is over', long: false, note: null };
  const block = currentBlockOf(state);
  const where = roundOfLabel(state) ?? (state.convening && isTogether(state) ? 'Everyone together' : null);
  const what = state.phase?.title ?? block?.title ?? state.protocolTitle;
  const headline = currentQuestion(state) ?? block?.title ?? what;
  const waiting = state.agenda?.waiting ? 'Waiting for the host to go on' : null;
  return {
    eyebrow: [where, what].filter((part): part is string => part !== null).join(' · '),
    headline,
    long: headline.length > LONG_CHARS,
    note: waiting ?? (next ? `Next: ${next.title}` : null),
  };
}

/** The room's clock: one big timer, a note that each table keeps its own time (their plaques show it), or none. */
export type RoomClock = 'one' | 'each-table' | 'none';

/** One big timer while a block goes on, except at the tables when every table keeps its own time. */
export function roomClockOf(state: SessionState): RoomClock {
  if (agendaStage(state) !== 'going' || !state.phase) return 'none';
  return state.convening && state.clock === ClockMode.PerTable && !isTogether(state) ? 'each-table' : 'one';
}
