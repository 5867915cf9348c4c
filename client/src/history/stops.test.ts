import { describe, expect, it } from 'vitest';
import type { HistoryLabel } from '@worktable/shared';
import type { HistorySnapshotInfo } from '../api.js';
import { buildStops, stopLabel } from './stops.js';

const now = new Date(2025, 2, 4, 15, 0).getTime();
const at = (hours: number, minutes: number, day = 4) => new Date(2025, 2, day, hours, minutes).getTime();

function snapshot(snapshotId: number, label: Partial<HistoryLabel>, docName = 'table-1'): HistorySnapshotInfo {
  return {
    snapshotId,
    docName,
    createdAt: label.endedAt ?? 0,
    bytes: 100 * snapshotId,
    label: {
      tableId: docName,
      protocolId: 'tuning',
      protocolTitle: 'Tuning Protocol',
      phaseId: 'intro',
      phaseTitle: 'Introduction',
      phaseIndex: 0,
      phaseCount: 8,
      protocolRound: 0,
      round: 0,
      roles: {},
      endedAt: 0,
      ...label,
    },
  };
}

describe('timeline stops', () => {
  it('lists the snapshots of the open table oldest first, titled by the phase that ended and its time', () => {
    const stops = buildStops(
      [
        snapshot(3, { phaseTitle: 'Clarifying questions', phaseIndex: 2, endedAt: at(14, 20) }),
        snapshot(1, { endedAt: at(14, 5) }),
        snapshot(2, { phaseTitle: 'Presentation', phaseIndex: 1, endedAt: at(14, 12) }),
        snapshot(4, { endedAt: at(14, 6) }, 'table-2'),
      ],
      'table-1',
      now,
    );
    expect(stops.map((s) => s.snapshotId)).toEqual([1, 2, 3]);
    expect(stops.map((s) => s.title)).toEqual(['Introduction (1/8)', 'Presentation (2/8)', 'Clarifying questions (3/8)']);
    expect(stops[0]).toMatchObject({ endedAt: at(14, 5), bytes: 100 });
    expect(stops[0]!.time).toMatch(/14|2/);
    expect(stops[0]!.time).not.toMatch(/Mar/);
  });

  it('names the convening round and the protocol part, and the date on another day', () => {
    const [stop] = buildStops([snapshot(7, { round: 2, protocolRound: 3, endedAt: at(9, 30, 3) })], 'table-1', now);
    expect(stop!.title).toBe('Round 2 · Introduction (1/8) · part 3');
    expect(stop!.time).toMatch(/Mar/);
    expect(stopLabel(stop!)).toBe(`Round 2 · Introduction (1/8) · part 3, ended ${stop!.time}`);
  });

  it('keeps the server order for snapshots that ended at the same moment, and is empty without any', () => {
    const same = at(10, 0);
    expect(buildStops([snapshot(9, { endedAt: same }), snapshot(8, { endedAt: same })], 'table-1', now).map((s) => s.snapshotId)).toEqual([
      8, 9,
    ]);
    expect(buildStops([], 'table-1', now)).toEqual([]);
  });

  it('marks a phase that ended twice (Back, then on again) so two stops never read the same', () => {
    const stops = buildStops(
      [
        snapshot(1, { endedAt: at(10, 0) }),
        snapshot(2, { endedAt: at(10, 5), phaseId: 'p', phaseTitle: 'Presentation', phaseIndex: 1 }),
        snapshot(3, { endedAt: at(10, 9) }),
      ],
      'table-1',
      now,
    );
    expect(stops.map((s) => s.title)).toEqual(['Introduction (1/8)', 'Presentation (2/8)', 'Introduction (1/8) (again)']);
  });
});
