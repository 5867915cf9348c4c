import { describe, expect, it } from 'vitest';
import { rosterPinActions, rosterTableProblems, type RosterSeat } from './rosterSeating.js';

const seat = (participantId: string, pinnedTable: number | null, tableHost = false): RosterSeat => ({
  participantId,
  entry: { line: 2, pinnedTable, tableHost },
});
const none = { pins: {}, namedHosts: {} };

describe('roster pins', () => {
  it('RS1 pins and names hosts as the roster says, only where that changes something', () => {
    const control = { pins: { b: 'table-2', c: 'table-1' }, namedHosts: { 'table-1': 'c' } };
    const columns = { name: 'name', pinnedTable: 'table', tableHost: 'host' };
    expect(rosterPinActions([seat('a', 1, true), seat('b', 2), seat('c', 1, true), seat('d', null)], control, columns)).toEqual([
      { action: 'pin', participantId: 'a', tableId: 'table-1', host: true },
    ]);
  });

  it('RS2 an empty pinned table unpins and "no" un-names, when the roster has those columns', () => {
    const control = { pins: { b: 'table-2', c: 'table-1' }, namedHosts: { 'table-1': 'c' } };
    expect(
      rosterPinActions([seat('b', null), seat('c', 1, false)], control, { name: 'name', pinnedTable: 'table', tableHost: 'host' }),
    ).toEqual([
      { action: 'pin', participantId: 'b', tableId: null },
      { action: 'pin', participantId: 'c', tableId: 'table-1' },
    ]);
  });

  it('RS3 a column the roster lacks leaves the dashboard’s pins and hosts alone', () => {
    const control = { pins: { b: 'table-2', c: 'table-1' }, namedHosts: { 'table-1': 'c' } };
    expect(rosterPinActions([seat('b', null), seat('c', null)], control, { name: 'name' })).toEqual([]);
    // Only a table host column: hosts get their (chosen) tables; others keep their pins.
    expect(rosterPinActions([seat('a', 3, true), seat('b', null)], control, { name: 'name', tableHost: 'host' })).toEqual([
      { action: 'pin', participantId: 'a', tableId: 'table-3', host: true },
    ]);
    // Only a pinned table column: the named host stays named when their table stays.
    expect(rosterPinActions([seat('c', 1)], control, { name: 'name', pinnedTable: 'table' })).toEqual([]);
    expect(rosterPinActions([seat('a', 2)], none, { name: 'name', pinnedTable: 'table' })).toEqual([
      { action: 'pin', participantId: 'a', tableId: 'table-2' },
    ]);
  });

  it('RS4 once seated, a pin beyond the seating’s tables is a problem on its line', () => {
    const seated = { convening: true, settings: { tableCount: 3, clock: 'shared' as const, includeHost: false } };
    expect(
      rosterTableProblems(
        [
          { line: 4, pinnedTable: 4 },
          { line: 5, pinnedTable: 3 },
        ],
        seated,
      ),
    ).toEqual(['line 4: pinned table: the seating has 3 tables; pin to a table from 1 to 3, or seat again with more tables first']);
    expect(rosterTableProblems([{ line: 4, pinnedTable: 40 }], { ...seated, convening: false })).toEqual([]);
  });
});
