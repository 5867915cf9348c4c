/**
 * Turning a parsed roster into storage changes: people already in the session (a participant
 * with the same name and organization — from an earlier import or who joined with the invite
 * link) are updated, everyone else is added. Importing the same roster twice changes nothing
 * the second time. Pure.
 */
import { SessionRole, rosterKey, type RosterEntry, type RosterSeat } from '@worktable/shared';
import type { ParticipantRecord, RosterChanges } from '../storage/port.js';

/** The storage changes of an import and, for each entry, the participant it is. */
export interface RosterImportPlan {
  changes: RosterChanges;
  seats: RosterSeat[];
}

/** Matches `entries` against the session's `existing` participants; new people get ids from `newId`. */
export function planRosterImport(
  sessionId: string,
  existing: readonly ParticipantRecord[],
  entries: readonly RosterEntry[],
  newId: () => string,
  now: number,
): RosterImportPlan {
  const byKey = new Map<string, ParticipantRecord>();
  for (const p of existing) {
    if (p.role !== SessionRole.Participant) continue;
    const key = rosterKey(p.name, p.organization);
    const known = byKey.get(key);
    // Two people with one name and organization: the rostered one is the roster's.
    if (!known || (!known.rostered && p.rostered)) byKey.set(key, p);
  }
  const changes: RosterChanges = { add: [], update: [] };
  const seats: RosterSeat[] = [];
  for (const entry of entries) {
    const known = byKey.get(rosterKey(entry.name, entry.organization));
    const participantId = known?.participantId ?? newId();
    if (known) changes.update.push({ participantId, name: entry.name, organization: entry.organization, systemRole: entry.systemRole });
    else {
      changes.add.push({
        participantId,
        sessionId,
        name: entry.name,
        role: SessionRole.Participant,
        joinedAt: now,
        organization: entry.organization,
        systemRole: entry.systemRole,
        rostered: true,
      });
    }
    seats.push({ participantId, entry });
  }
  return { changes, seats };
}
