/**
 * The custom protocols the benches run, built with the server's protocol fixtures: phases that
 * advance by themselves (15 s is the shortest a definition allows), and a café whose later rounds
 * reseat (travelers move, table hosts stay).
 */
import { Advance, RoleName, RotateAt, type Phase, type Protocol } from '@worktable/shared';
import { testPhase, testProtocol } from '@worktable/server/testing/fixtures';

/** Phases `ids` of `phaseMs` each that advance by themselves. */
export function autoPhases(ids: readonly string[], phaseMs: number): Phase[] {
  return ids.map((id) => testPhase(id, { durationMs: phaseMs, advance: Advance.Auto }));
}

/** A café `id` of `rounds` rounds of `round`, tables of 3 to 6 with the café's roles; rounds after the first reseat. */
export function benchCafe(id: string, title: string, round: Phase[], rounds: number): Protocol {
  return testProtocol(id, round, {
    title,
    summary: `${title}: ${rounds} rounds of auto phases; later rounds reseat.`,
    groupSize: { min: 3, max: 6 },
    roles: [RoleName.Facilitator, RoleName.TableHost, RoleName.Reporter, RoleName.Scribe],
    rotateAt: RotateAt.Round,
    rounds,
    reseat: true,
  });
}
