/** A protocol unrolled into the steps a session runs through: opening, each round, closing. */
import type { Phase, Protocol } from './definition.js';

/** One step of a run. */
export interface TimelineStep {
  phase: Phase;
  /** 1-based round number for round phases; 0 for opening and closing phases. */
  round: number;
  /** Whether this step begins a round (roles rotate here when the protocol rotates per round). */
  startsRound: boolean;
}

/** The steps of a protocol, in order. */
export function timelineOf(protocol: Protocol): TimelineStep[] {
  const steps: TimelineStep[] = protocol.opening.map((phase) => ({ phase, round: 0, startsRound: false }));
  for (let round = 1; round <= protocol.rounds; round++) {
    for (const [index, phase] of protocol.round.entries()) steps.push({ phase, round, startsRound: index === 0 });
  }
  for (const phase of protocol.closing) steps.push({ phase, round: 0, startsRound: false });
  return steps;
}

/** Total planned duration of a run, in ms. */
export function plannedDurationMs(protocol: Protocol): number {
  return timelineOf(protocol).reduce((sum, step) => sum + step.phase.durationMs, 0);
}
