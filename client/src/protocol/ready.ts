/** The ready count ("4 / 6 ready"), who is done by name, and the facilitator's confirmation before moving on. */
import type { SessionState } from '@worktable/shared';

/** Who has finished the current phase. */
export interface ReadySummary {
  ready: number;
  total: number;
  /** People still working. */
  waiting: number;
  /** "4 / 6 ready". */
  label: string;
  /** Text of the inline confirmation before Next, or null when everyone is ready. */
  confirm: string | null;
  /** Who is done and who is still working, in the members' order. */
  readyIds: string[];
  waitingIds: string[];
}

/**
 * Counts who is ready among `memberIds` (people who can mark themselves done); the current
 * facilitator runs the phase and is not counted. Ids in `ready` that are not members are ignored.
 */
export function readySummary(state: SessionState, memberIds: readonly string[]): ReadySummary {
  const facilitator = state.roles.facilitator;
  const members = [...new Set(memberIds)].filter((id) => id !== facilitator);
  const readySet = new Set(state.ready);
  const readyIds = members.filter((id) => readySet.has(id));
  const waitingIds = members.filter((id) => !readySet.has(id));
  const ready = readyIds.length;
  const total = members.length;
  const waiting = waitingIds.length;
  const confirm = waiting > 0 ? `${waiting} ${waiting === 1 ? 'person is' : 'people are'} still working. Move on anyway?` : null;
  return { ready, total, waiting, label: `${ready} / ${total} ready`, confirm, readyIds, waitingIds };
}

/** Who is done and who is not, in words ("Done: Ana, Ben · Still working: Cy"); empty when nobody counts. */
export function readyNames(summary: ReadySummary, name: (id: string) => string): string {
  const parts: string[] = [];
  if (summary.readyIds.length > 0) parts.push(`Done: ${summary.readyIds.map(name).join(', ')}`);
  if (summary.waitingIds.length > 0) parts.push(`Still working: ${summary.waitingIds.map(name).join(', ')}`);
  return parts.join(' · ');
}
