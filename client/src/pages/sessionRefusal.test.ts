import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api.js';
import { explainSessionRefusal } from './sessionRefusal.js';

describe('explainSessionRefusal', () => {
  it('says a deleted session no longer exists, without offering to join again', () => {
    expect(explainSessionRefusal(new ApiRequestError(404, 'not_found', 'no session with this id'))).toMatchObject({
      heading: 'This session no longer exists',
      rejoin: false,
      canRetry: false,
    });
  });

  it('tells a removed person, with the server’s words and what stays', () => {
    const refusal = explainSessionRefusal(new ApiRequestError(403, 'forbidden', 'you are no longer a participant of this session'));
    expect(refusal.heading).toBe('You are no longer part of this session');
    expect(refusal.message).toBe(
      'You are no longer a participant of this session. What you put on the table stays there. If this is a mistake, ask the host to invite you again.',
    );
    expect(refusal.rejoin).toBe(false);
  });

  it('offers to join again for a token problem, and to retry anything else', () => {
    expect(explainSessionRefusal(new ApiRequestError(401, 'unauthorized', 'token expired'))).toMatchObject({
      heading: 'Could not open the table',
      rejoin: true,
      canRetry: false,
    });
    expect(
      explainSessionRefusal(
        new ApiRequestError(0, 'network', 'Could not reach the Worktable server. Check your connection and try again.'),
      ),
    ).toMatchObject({
      rejoin: false,
      canRetry: true,
    });
  });
});
