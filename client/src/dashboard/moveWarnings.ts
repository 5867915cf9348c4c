/**
 * What the host should know before moving someone to a table: who there shares their
 * organization, and who they already sat with in an earlier round (and when). Said in the Move
 * dialog before the move and after a drag and drop. Pure.
 */
import { pairKey, pairRoundsOf, type DashboardPayload } from '@worktable/shared';
import { joinNames } from '../convening/place.js';

/** The people at the table the move would seat someone with, that it would rather not. */
export interface MoveWarnings {
  /** Their organization and the people at the table who share it. */
  sameOrganization: { organization: string; names: string[] } | null;
  /** People at the table they sat with before, with the rounds. */
  metBefore: { name: string; rounds: number[] }[];
}

/** The warnings of moving `participantId` to `tableId` (none when there is nothing to say). */
export function moveWarnings(
  participantId: string,
  tableId: string,
  dashboard: Pick<DashboardPayload, 'tables' | 'plan' | 'people' | 'round'>,
): MoveWarnings {
  const people = new Map(dashboard.people.map((p) => [p.participantId, p]));
  const organization = people.get(participantId)?.organization ?? null;
  const others = (dashboard.tables.find((t) => t.id === tableId)?.members ?? []).filter((id) => id !== participantId);
  const nameOf = (id: string) => people.get(id)?.name ?? 'someone who left';
  const same = organization ? others.filter((id) => people.get(id)?.organization === organization) : [];
  const met = pairRoundsOf(dashboard.plan.filter((round) => round.started && round.round < dashboard.round));
  const metBefore = others.flatMap((id) => {
    const rounds = met.get(pairKey(participantId, id));
    return rounds && rounds.length > 0 ? [{ name: nameOf(id), rounds: [...rounds] }] : [];
  });
  return { sameOrganization: organization && same.length > 0 ? { organization, names: same.map(nameOf) } : null, metBefore };
}

/** Whether there is anything to warn about. */
export function hasWarnings(warnings: MoveWarnings): boolean {
  return warnings.sameOrganization !== null || warnings.metBefore.length > 0;
}

/**
 * The warnings in words, one sentence each: "Ben Brook is also of Lincoln High." and "Ana
 * already sat with Cy Chen (round 1) and Dev Diallo (rounds 1 and 2)."
 */
export function moveWarningSentences(name: string, warnings: MoveWarnings): string[] {
  const sentences: string[] = [];
  const same = warnings.sameOrganization;
  if (same) sentences.push(`${joinNames(same.names)} ${same.names.length === 1 ? 'is' : 'are'} also of ${same.organization}.`);
  if (warnings.metBefore.length > 0) {
    const met = warnings.metBefore.map(
      (m) => `${m.name} (${m.rounds.length === 1 ? 'round' : 'rounds'} ${joinNames(m.rounds.map(String))})`,
    );
    sentences.push(`${name} already sat with ${joinNames(met)}.`);
  }
  return sentences;
}
