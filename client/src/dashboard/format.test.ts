import { describe, expect, it } from 'vitest';
import { Gathering, RunStatus } from '@worktable/shared';
import { newerState } from '../protocol/controlConnection.js';
import { payloadFixture, tableFixture } from './fixtures.js';
import {
  activityFraction,
  busiestEdits,
  countOf,
  editsLabel,
  gatheringLabel,
  movedSentence,
  moveOutcome,
  pinnedSentence,
  statusLabel,
} from './format.js';

describe('dashboard words', () => {
  it('counts in the right number', () => {
    expect(countOf(1, 'edit')).toBe('1 edit');
    expect(countOf(0, 'edit')).toBe('0 edits');
    expect(countOf(2, 'person', 'people')).toBe('2 people');
    expect(editsLabel(1)).toBe('1 edit in the last minute');
    expect(editsLabel(12)).toBe('12 edits in the last minute');
  });

  it('names the gathering', () => {
    expect(gatheringLabel(Gathering.Plenary)).toBe('Everyone is in the plenary');
    expect(gatheringLabel(Gathering.Tables)).toBe('Everyone is at their tables');
  });

  it('names a table’s status, with time up when its phase ran over', () => {
    expect(statusLabel({ status: RunStatus.Lobby, over: false })).toBe('Not started');
    expect(statusLabel({ status: RunStatus.Running, over: false })).toBe('Running');
    expect(statusLabel({ status: RunStatus.Running, over: true })).toBe('Time is up');
    expect(statusLabel({ status: RunStatus.Paused, over: false })).toBe('Paused');
    expect(statusLabel({ status: RunStatus.Done, over: false })).toBe('Done');
  });

  it('scales activity to the busiest table, with a floor so a quiet room is not all full bars', () => {
    expect(busiestEdits([tableFixture(1, [], { editsLastMinute: 3 }), tableFixture(2, [], { editsLastMinute: 40 })])).toBe(40);
    expect(busiestEdits([])).toBe(0);
    expect(activityFraction(40, 40)).toBe(1);
    expect(activityFraction(10, 40)).toBe(0.25);
    expect(activityFraction(2, 2)).toBe(0.2);
    expect(activityFraction(0, 0)).toBe(0);
  });

  it('says what a move or a pin did', () => {
    expect(movedSentence('Ana', 'Table 4')).toBe('Ana moved to Table 4');
    expect(pinnedSentence('Ana', 'Table 4')).toBe('Ana pinned to Table 4 for the next rounds');
    expect(pinnedSentence('Ana', null)).toMatch(/^Ana unpinned/);
    expect(moveOutcome('Ana', 'Table 4', true, null)).toBe('Ana moved to Table 4');
    expect(moveOutcome('Ana', 'Table 4', true, 'pinned')).toBe('Ana moved to Table 4 and pinned there for the next rounds');
    expect(moveOutcome('Ana', 'Table 4', true, 'unpinned')).toBe('Ana moved to Table 4 and unpinned');
    expect(moveOutcome('Ana', 'Table 4', false, 'pinned')).toBe('Ana pinned to Table 4 for the next rounds');
    expect(moveOutcome('Ana', 'Table 4', false, null)).toBeNull();
  });

  it('keeps the newest dashboard and ignores older versions', () => {
    const v2 = payloadFixture([], [], { version: 2 });
    const v3 = payloadFixture([], [], { version: 3 });
    expect(newerState(null, v2)).toBe(v2);
    expect(newerState(v2, v3)).toBe(v3);
    expect(newerState(v3, v2)).toBe(v3);
  });
});
