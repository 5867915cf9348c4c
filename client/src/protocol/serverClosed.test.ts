import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASK_AGAIN_AFTER_MS, SERVER_CLOSED, serverClosedMessage, whyServerClosed } from './serverClosed.js';

const noWait = () => Promise.resolve();

function answering(...statuses: number[]) {
  const fetchMock = vi.fn(() => {
    const status = statuses.shift() ?? 200;
    const body = status === 200 ? { title: 'ok' } : { error: { code: 'x', message: 'refused' } };
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('serverClosedMessage', () => {
  it('says why from the session API’s refusal', () => {
    expect(serverClosedMessage(403)).toBe('You are no longer part of this session, so the timer and roles stop here.');
    expect(serverClosedMessage(404)).toBe('This session no longer exists. Start a new session from the home page.');
    expect(serverClosedMessage(401)).toBe('Your access to this session has expired. Join again with the invite link.');
    expect(serverClosedMessage(null)).toBe(SERVER_CLOSED);
    expect(serverClosedMessage(500)).toBe(SERVER_CLOSED);
  });
});

describe('whyServerClosed', () => {
  it('asks again while the session still answers (it is deleted just after the hang-up)', async () => {
    const fetchMock = answering(200, 404);
    await expect(whyServerClosed('s1', 't', noWait)).resolves.toMatch(/^This session no longer exists/);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('tells a removed person at once', async () => {
    const fetchMock = answering(403);
    await expect(whyServerClosed('s1', 't', noWait)).resolves.toMatch(/^You are no longer part of this session/);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('falls back to the plain sentence when the session keeps answering', async () => {
    const fetchMock = answering();
    const waits: number[] = [];
    await expect(
      whyServerClosed('s1', 't', (ms) => {
        waits.push(ms);
        return Promise.resolve();
      }),
    ).resolves.toBe(SERVER_CLOSED);
    expect(waits).toEqual([...ASK_AGAIN_AFTER_MS]);
    expect(fetchMock).toHaveBeenCalledTimes(ASK_AGAIN_AFTER_MS.length);
  });
});
