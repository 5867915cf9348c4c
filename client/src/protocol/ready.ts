/** The ready count ("4 / 6 ready") and the facilitator's confirmation before moving on. */
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
}

/**
 * Counts who is ready among `memberIds` (people who can mark themselves done); the current
 * facilitator runs the phase and is not counted. Ids in `ready` that are not members are ignored.
 */
export function readySummary(state: SessionState, memberIds: readonly string[]): ReadySummary {
  const facilitator = state.roles.facilitator;
  const members = [...new Set(memberIds)].filter((id) => id !== facilitator);
  const readySet = new Set(state.ready);
  const ready = members.filter((id) => readySet.has(id)).length;
  const total = members.length;
  const waiting = total - ready;
  const confirm =
    waiting > 0 ? `${waiting} ${waiting === 1 ? 'person is' : 'people are'} still working. Move on anyway?` : null;
  return { ready, total, waiting, label: `${ready} / ${total} ready`, confirm };
}
