/**
 * Where the convening's agenda is, in words, for the pages that show it from afar or small (the
 * room display, the phone layout): the current block, "Round 2 of 3", the question people work
 * on, and whether it has started or ended. Pure functions of the server's `session:state`; a
 * session with one table (no agenda) reads the same from its protocol run.
 */
import { BlockKind, Gathering, RunStatus, type SessionState, type WireAgendaBlock } from '@worktable/shared';

/** The parts of the state these read. */
export type AgendaState = Pick<SessionState, 'agenda' | 'gathering' | 'status' | 'phase' | 'protocolRound' | 'protocolRounds'>;

/** Before the first block, during one, or after the last. */
export type AgendaStage = 'before' | 'going' | 'over';

/** The stage: from the agenda's index in a convening, from the run's status otherwise. */
export function agendaStage(state: AgendaState): AgendaStage {
  const { agenda } = state;
  if (agenda) {
    if (agenda.index < 0) return 'before';
    return agenda.index >= agenda.blocks.length ? 'over' : 'going';
  }
  if (state.status === RunStatus.Lobby) return 'before';
  return state.status === RunStatus.Done ? 'over' : 'going';
}

/** The block going on now, or null (before the start, after the end, or without an agenda). */
export function currentBlockOf(state: Pick<SessionState, 'agenda'>): WireAgendaBlock | null {
  const agenda = state.agenda;
  return agenda ? (agenda.blocks[agenda.index] ?? null) : null;
}

/** A block's short name: "Round 2" at the tables (the protocol's title for a single round), its title in the plenary. */
export function blockName(block: WireAgendaBlock, rounds: number): string {
  if (block.kind === BlockKind.Tables) return rounds > 1 ? `Round ${block.round}` : block.title;
  return block.title;
}

/** The block after the current one (the first before the start), or null. */
export function nextBlockOf(state: Pick<SessionState, 'agenda'>): WireAgendaBlock | null {
  const agenda = state.agenda;
  return agenda ? (agenda.blocks[agenda.index + 1] ?? null) : null;
}

/** Whether the tables are not at work: a plenary block goes on, or the agenda is over (no table roles, ready checks or briefings then). */
export function awayFromTables(state: Pick<SessionState, 'agenda'>): boolean {
  const agenda = state.agenda;
  if (!agenda || agenda.index < 0) return false;
  return agenda.index >= agenda.blocks.length || agenda.blocks[agenda.index]?.kind === BlockKind.Plenary;
}

/** Whether everyone is together: a plenary block, or the host called everyone to the plenary. */
export function isTogether(state: AgendaState): boolean {
  return state.gathering === Gathering.Plenary || currentBlockOf(state)?.kind === BlockKind.Plenary;
}

/** "Round 2 of 3" while a round of several goes on at the tables; null otherwise. */
export function roundOfLabel(state: AgendaState): string | null {
  const block = currentBlockOf(state);
  if (state.agenda) {
    return block && block.kind === BlockKind.Tables && state.agenda.rounds > 1 ? `Round ${block.round} of ${state.agenda.rounds}` : null;
  }
  return state.protocolRounds > 1 && state.protocolRound > 0 ? `Round ${state.protocolRound} of ${state.protocolRounds}` : null;
}

/**
 * What people work on now: the round's question at the tables, else the phase's prompt (the
 * plenary's, or a protocol without questions); null when there is neither.
 */
export function currentQuestion(state: AgendaState): string | null {
  if (agendaStage(state) !== 'going') return null;
  const question = currentBlockOf(state)?.question;
  if (question) return question;
  const prompt = state.phase?.prompt.trim();
  return prompt ? prompt : null;
}
