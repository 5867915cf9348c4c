/**
 * What the phase banner says about the agenda at this moment: the round's question, where it
 * runs, who a phase whose time is up waits for, and what comes after a table's part is done.
 * Pure; a session that is not a convening gets the single table's words.
 */
import { ClockMode, type SessionState } from '@worktable/shared';
import { blockName } from '../convening/agendaView.js';

/** The banner's words for the agenda. */
export interface AgendaMoment {
  /** The question that opens the current round, if any. */
  question: string | null;
  /** "everyone together" in the plenary, "travelers moved, hosts stayed" in a reseated round, else null. */
  where: string | null;
  /** Who a phase whose time is up waits for: "the facilitator" or "the host". */
  waitsFor: string;
  lobbyTitle: string;
  doneTitle: string;
  doneLine: string;
}

/** The banner's words for `state`. */
export function agendaMoment(state: Pick<SessionState, 'agenda' | 'convening' | 'clock' | 'gathering'>): AgendaMoment {
  const agenda = state.agenda;
  if (!state.convening || !agenda) {
    return {
      question: null,
      where: null,
      waitsFor: 'the facilitator',
      lobbyTitle: 'Not started yet — the facilitator starts when the group is ready',
      doneTitle: 'Protocol complete',
      doneLine: 'Thank you — the run is over. The table stays open.',
    };
  }
  const block = agenda.blocks[agenda.index] ?? null;
  const next = agenda.blocks[agenda.index + 1] ?? null;
  const plenary = block?.kind === 'plenary';
  const hostRuns = plenary || state.clock === ClockMode.Shared;
  const over = agenda.index >= agenda.blocks.length;
  const nextName = next ? blockName(next, agenda.rounds) : null;
  let doneLine: string;
  if (over) doneLine = 'Thank you for taking part. The tables and the harvest stay open to read.';
  else if (!nextName) doneLine = 'This was the last part of the agenda.';
  else if (agenda.held || agenda.waiting) doneLine = `${nextName} starts when the host is ready.`;
  else doneLine = `${nextName} starts when every table is done${next?.reseat ? ' — travelers move to new tables, table hosts stay' : ''}.`;
  const first = agenda.blocks[0];
  return {
    question: block?.question ?? null,
    where: plenary ? 'everyone together' : block?.reseat ? 'travelers moved, table hosts stayed' : null,
    waitsFor: hostRuns ? 'the host' : 'the facilitator',
    lobbyTitle:
      agenda.index < 0
        ? `Seated — the host starts with ${first ? blockName(first, agenda.rounds) : 'the agenda'}`
        : `Next at your table: ${block ? blockName(block, agenda.rounds) : 'the next round'}`,
    doneTitle: over ? 'The convening is over' : `${block ? blockName(block, agenda.rounds) : 'This part'} is done here`,
    doneLine,
  };
}
