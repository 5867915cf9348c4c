import { describe, expect, it } from 'vitest';
import { ClockMode, RunStatus } from '@worktable/shared';
import { tableFixture } from './fixtures.js';
import { tableTimeItems } from './tableTime.js';

describe('table time menu', () => {
  it('is absent with one round clock (the server would refuse one table’s time)', () => {
    expect(tableTimeItems(tableFixture(2, [], { status: RunStatus.Running }), ClockMode.Shared)).toEqual([]);
  });

  it('aims pause, +1 min and next at the table while it runs', () => {
    expect(tableTimeItems(tableFixture(2, [], { status: RunStatus.Running }), ClockMode.PerTable).map((i) => [i.label, i.action])).toEqual([
      ['Pause', { action: 'pause', tableId: 'table-2' }],
      ['+1 min', { action: 'extend', ms: 60_000, tableId: 'table-2' }],
      ['Next phase', { action: 'next', tableId: 'table-2' }],
    ]);
  });

  it('offers resume when paused, and nothing before the start or after the end', () => {
    expect(tableTimeItems(tableFixture(3, [], { status: RunStatus.Paused }), ClockMode.PerTable)[0]).toMatchObject({
      label: 'Resume',
      done: 'Resumed Table 3.',
    });
    expect(tableTimeItems(tableFixture(3), ClockMode.PerTable)).toEqual([]);
    expect(tableTimeItems(tableFixture(3, [], { status: RunStatus.Done }), ClockMode.PerTable)).toEqual([]);
  });
});
