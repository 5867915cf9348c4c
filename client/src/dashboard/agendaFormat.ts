/**
 * Words for the agenda on the host's dashboard and the table: a block's name, where the agenda
 * is, and what the host's next step is. Pure.
 */
import type { WireAgenda, WireAgendaBlock } from '@worktable/shared';

/** Where the agenda is for the host: not seated, seated and not started, a part going, a part over and held, or over. */
export type HostStage = 'unseated' | 'ready' | 'going' | 'waiting' | 'over';

/** The stage, from the agenda (null before the first seating). */
export function hostStage(agenda: WireAgenda | null): HostStage {
  if (!agenda) return 'unseated';
  if (agenda.index < 0) return 'ready';
  if (agenda.index >= agenda.blocks.length) return 'over';
  return agenda.waiting ? 'waiting' : 'going';
}

/** "Round 2 of 3 · at the tables", "Harvest · everyone together", "Not started", "The agenda is over". */
export function agendaPositionLabel(agenda: WireAgenda | null): string {
  const stage = hostStage(agenda);
  if (!agenda || stage === 'unseated') return 'Not seated yet';
  if (stage === 'ready') return 'Seated · not started';
  if (stage === 'over') return 'The agenda is over';
  const block = agenda.blocks[agenda.index] as WireAgendaBlock;
  if (block.kind === 'tables')
    return agenda.rounds > 1 ? `Round ${block.round} of ${agenda.rounds} · at the tables` : `${block.title} · at the tables`;
  return `${block.title} · everyone together`;
}

/** Whether a round at the tables has started (from then on the rounds reseat and the first seating is fixed). */
export function seatingLocked(agenda: WireAgenda | null): boolean {
  if (!agenda) return false;
  return agenda.blocks.slice(0, Math.max(0, agenda.index + 1)).some((block) => block.kind === 'tables') && agenda.index >= 0;
}
