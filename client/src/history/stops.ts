/**
 * The stops of the timeline: one per history snapshot of the open table, oldest first, each
 * titled after the phase that had just ended ("Round 2 · Clarifying questions (3/8)") and its time.
 */
import { historyTitle } from '@worktable/shared';
import type { HistorySnapshotInfo } from '../api.js';
import { formatMoment } from '../time.js';

/** One stop of the timeline. */
export interface TimelineStop {
  snapshotId: number;
  /** The phase that ended, e.g. "Introduction (1/8)". */
  title: string;
  /** When it ended, as people read it ("10:32"). */
  time: string;
  /** Server epoch ms when the phase ended. */
  endedAt: number;
  /** Size of the snapshot's state, for the loading progress. */
  bytes: number;
}

/** The stops for document `docName`, oldest first (snapshots of other documents are left out). */
export function buildStops(snapshots: readonly HistorySnapshotInfo[], docName: string, now = Date.now()): TimelineStop[] {
  const stops = snapshots
    .filter((s) => s.docName === docName)
    .map((s) => ({
      snapshotId: s.snapshotId,
      title: historyTitle(s.label),
      time: formatMoment(s.label.endedAt, now),
      endedAt: s.label.endedAt,
      bytes: s.bytes,
    }))
    .sort((a, b) => a.endedAt - b.endedAt || a.snapshotId - b.snapshotId);
  // A phase run again (the facilitator went Back) is marked, so two stops never read the same.
  const seen = new Set<string>();
  return stops.map((stop) => {
    const again = seen.has(stop.title);
    seen.add(stop.title);
    return again ? { ...stop, title: `${stop.title} (again)` } : stop;
  });
}

/** What a stop is called for people and screen readers: "Introduction (1/8), ended 10:32". */
export function stopLabel(stop: TimelineStop): string {
  return `${stop.title}, ended ${stop.time}`;
}
