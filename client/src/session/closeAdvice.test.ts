import { describe, expect, it } from 'vitest';
import { CloseCode } from '@worktable/shared';
import { accessCloseCode, explainClose } from './closeAdvice.js';

describe('explainClose', () => {
  it('says the host removed you, in the server’s words, and ends the access', () => {
    const removed = explainClose(CloseCode.Forbidden, 'removed from the session by the host');
    expect(removed).toMatchObject({
      code: 4403,
      reason: 'removed from the session by the host',
      retrying: false,
      rejoin: false,
      ended: true,
    });
    expect(removed?.advice).toMatch(/can no longer change the table; what you put on it stays/);
    expect(removed?.advice).toMatch(/ask the host/);
  });

  it('says the session was deleted, and what to do', () => {
    const deleted = explainClose(CloseCode.NotFound, 'the host deleted this session');
    expect(deleted).toMatchObject({ reason: 'the host deleted this session', ended: true, retrying: false });
    expect(deleted?.advice).toMatch(/Start a new session from the home page/);
  });

  it('has words for people when the server gave no reason', () => {
    expect(explainClose(CloseCode.Forbidden)?.reason).toBe('you are no longer part of this session');
    expect(explainClose(CloseCode.NotFound, '  ')?.reason).toBe('this session no longer exists');
  });

  it('keeps the documented wording for other codes, whatever the server said', () => {
    expect(explainClose(CloseCode.Unavailable, 'server is shutting down')).toMatchObject({
      reason: 'server unavailable, retry later',
      retrying: true,
      ended: false,
    });
    expect(explainClose(CloseCode.Unauthorized)).toMatchObject({ rejoin: true, ended: false });
  });

  it('tells a page older than the server to reload, and does not reconnect on its own', () => {
    expect(explainClose(CloseCode.Outdated)).toMatchObject({
      reason: 'page older than the server',
      retrying: false,
      rejoin: false,
      ended: false,
    });
    expect(explainClose(CloseCode.Outdated)?.advice).toMatch(/Reload the page/);
  });

  it('ignores codes that are not Worktable’s', () => {
    expect(explainClose(1006)).toBeNull();
    expect(explainClose(4999)).toBeNull();
  });

  it('drops a trailing full stop and an over-long reason', () => {
    expect(explainClose(CloseCode.NotFound, 'the host deleted this session.')?.reason).toBe('the host deleted this session');
    expect(explainClose(CloseCode.NotFound, 'x'.repeat(200))?.reason).toBe('this session no longer exists');
  });
});

describe('accessCloseCode', () => {
  it('maps refusals of the session API to close codes', () => {
    expect(accessCloseCode(401)).toBe(CloseCode.Unauthorized);
    expect(accessCloseCode(403)).toBe(CloseCode.Forbidden);
    expect(accessCloseCode(404)).toBe(CloseCode.NotFound);
    expect(accessCloseCode(500)).toBeNull();
    expect(accessCloseCode(0)).toBeNull();
  });
});
