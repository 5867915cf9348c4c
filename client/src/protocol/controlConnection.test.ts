import { describe, expect, it } from 'vitest';
import { explainConnectError, newerState, TIMEOUT_ACK } from './controlConnection.js';
import { stateFixture } from './fixtures.js';

describe('control connection helpers', () => {
  it('keeps the newest state and ignores older versions', () => {
    const v10 = stateFixture({ version: 10 });
    const v11 = stateFixture({ version: 11 });
    expect(newerState(null, v10)).toBe(v10);
    expect(newerState(v10, v11)).toBe(v11);
    expect(newerState(v11, v10)).toBe(v11);
  });

  it('explains refused connections', () => {
    expect(explainConnectError('unauthorized')).toMatch(/did not accept this session link/);
    expect(explainConnectError('forbidden')).toMatch(/no longer part/);
    expect(explainConnectError('outdated')).toMatch(/Reload the page/);
    expect(explainConnectError('too_many_connections')).toMatch(/Close the tabs you do not need/);
    expect(explainConnectError('xhr poll error')).toMatch(/retrying/);
  });

  it('has the documented timeout ack', () => {
    expect(TIMEOUT_ACK).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'The server did not answer; check your connection and try again.' },
    });
  });
});
