import { describe, expect, it } from 'vitest';
import { ClockMode } from '@worktable/shared';
import { seatAction } from './seatInput.js';

describe('seat form', () => {
  const base = { clock: ClockMode.Shared, includeHost: false };

  it('sends a table size or a table count with the clock and the host choice', () => {
    expect(seatAction({ ...base, by: 'size', value: ' 4 ' })).toEqual({
      ok: true,
      action: { action: 'seat', tableSize: 4, clock: 'shared', includeHost: false },
    });
    expect(seatAction({ by: 'count', value: '40', clock: ClockMode.PerTable, includeHost: true })).toEqual({
      ok: true,
      action: { action: 'seat', tableCount: 40, clock: 'perTable', includeHost: true },
    });
  });

  it('says what to fix for a number out of range or not whole', () => {
    expect(seatAction({ ...base, by: 'size', value: '1' })).toEqual({
      ok: false,
      message: 'Enter a whole number of people per table from 2 to 50.',
    });
    expect(seatAction({ ...base, by: 'count', value: '251' })).toEqual({
      ok: false,
      message: 'Enter a whole number of tables from 1 to 250.',
    });
    expect(seatAction({ ...base, by: 'count', value: '2.5' }).ok).toBe(false);
    expect(seatAction({ ...base, by: 'count', value: '' }).ok).toBe(false);
  });
});
