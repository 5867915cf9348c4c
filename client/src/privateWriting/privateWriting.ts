/**
 * Private writing as one person's page sees it, from the server's `session:state.privateWriting`:
 * whether your new stickies go to your own private document (and which one), what kinds go there,
 * and the words people read and hear when it starts and at the reveal. Pure.
 */
import { ArtifactKind, privateDocName, type PrivateWriting, type SessionState } from '@worktable/shared';

/** Who is looking, as private writing needs it. */
export interface PrivateViewer {
  participantId: string;
  /** Observers never write, so they have no private notes. */
  canWrite: boolean;
}

/**
 * Your private document while private writing is on at your own table and the page shows that
 * table (not a table you visit, not the plenary); null otherwise.
 */
export function privateDocOf(
  state: Pick<SessionState, 'tableId' | 'privateWriting'> | null,
  docName: string,
  viewer: PrivateViewer,
): string | null {
  if (!state?.privateWriting || !viewer.canWrite || state.tableId === null || state.tableId !== docName) return null;
  return privateDocName(state.tableId, viewer.participantId);
}

/** Whether a new artifact of `kind` goes to your private document during private writing (stickies do; the rest stays on the table). */
export function goesPrivate(kind: ArtifactKind): boolean {
  return kind === ArtifactKind.Sticky;
}

/** What changed between two private-writing states of your table. */
export type PrivateChange = 'started' | 'revealed' | null;

/** Started (off → on) or revealed (on → off); null when nothing changed. */
export function privateChange(before: PrivateWriting | null, after: PrivateWriting | null): PrivateChange {
  if (!before && after) return 'started';
  if (before && !after) return 'revealed';
  return null;
}

/** The banner's sentence while private writing is on (observers read about other people's notes). */
export function privateBannerText(writing: PrivateWriting, canWrite: boolean): string {
  const names = writing.anonymous ? ' Names are left off at the reveal.' : '';
  return canWrite
    ? `Private writing: your new notes are only yours until the facilitator reveals them.${names}`
    : `Private writing: people’s new notes stay private until the facilitator reveals them.${names}`;
}

/** The live region's words for a change of private writing (null: say nothing). */
export function privateAnnouncement(change: PrivateChange, writing: PrivateWriting | null): string | null {
  if (change === 'started') {
    return `Private writing started: your new sticky notes are only yours until the facilitator reveals them${writing?.anonymous ? ', without names' : ''}.`;
  }
  if (change === 'revealed') return 'Private notes revealed: everyone’s private notes are now on the table.';
  return null;
}
