/**
 * History: at every phase boundary the server keeps a snapshot of the table's document, labelled
 * with what had just ended. Which boundaries a change crossed is a pure function of the session
 * control before and after it.
 */
import { PLENARY_RUN } from '../convening/agenda.js';
import { runProtocolOf } from '../convening/position.js';
import type { SessionControl } from '../convening/sessionTypes.js';
import { RunStatus, type ControlState } from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import type { RoleHolders } from '../protocols/rotation.js';
import { timelineOf } from '../protocols/timeline.js';

/** What a history snapshot is of: the phase that just ended at one table. */
export interface HistoryLabel {
  /** The table (also its document name). */
  tableId: string;
  protocolId: string;
  protocolTitle: string;
  phaseId: string;
  phaseTitle: string;
  /** 0-based index in the protocol's timeline, and the timeline's length. */
  phaseIndex: number;
  phaseCount: number;
  /** The protocol's own round (0 outside rounds, and always 0 for a protocol with one round). */
  protocolRound: number;
  /** The convening round (0 when the session is not a convening). */
  round: number;
  /** Who held each role during the phase. */
  roles: RoleHolders;
  /** Server epoch ms when the phase ended. */
  endedAt: number;
}

const isGoing = (run: ControlState | undefined): run is ControlState =>
  run?.status === RunStatus.Running || run?.status === RunStatus.Paused;

/** The label of the phase `run` is in. */
export function labelOf(run: ControlState, protocol: Protocol, tableId: string, round: number, endedAt: number): HistoryLabel | null {
  const steps = timelineOf(protocol);
  const step = steps[run.stepIndex];
  if (!step) return null;
  return {
    tableId,
    protocolId: protocol.id,
    protocolTitle: protocol.title,
    phaseId: step.phase.id,
    phaseTitle: step.phase.title,
    phaseIndex: run.stepIndex,
    phaseCount: steps.length,
    protocolRound: protocol.rounds > 1 ? step.round : 0,
    round,
    roles: run.roles,
    endedAt,
  };
}

/**
 * The phases that ended between `before` and `after` (at most one per table): a run that was
 * going and now is in another step, is done, or was replaced by a new round's run.
 */
export function endedPhases(before: SessionControl, after: SessionControl, protocol: Protocol, now: number): HistoryLabel[] {
  const ended: HistoryLabel[] = [];
  for (const [tableId, previous] of Object.entries(before.runs)) {
    if (!isGoing(previous)) continue;
    const next = after.runs[tableId];
    const moved =
      !next ||
      after.round !== before.round ||
      after.block !== before.block ||
      next.stepIndex !== previous.stepIndex ||
      next.status === RunStatus.Done;
    if (!moved) continue;
    const label = labelOf(previous, runProtocolOf(before, protocol, tableId), tableId, tableId === PLENARY_RUN ? 0 : before.round, now);
    if (label) ended.push(label);
  }
  return ended;
}

/** A short title for a snapshot, e.g. "Round 2 · Clarifying questions (3/8)". */
export function historyTitle(label: HistoryLabel): string {
  const round = label.round > 0 ? `Round ${label.round} · ` : '';
  const protocolRound = label.protocolRound > 0 ? ` · part ${label.protocolRound}` : '';
  return `${round}${label.phaseTitle} (${label.phaseIndex + 1}/${label.phaseCount})${protocolRound}`;
}
