import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api.js';
import {
  deletedNotice,
  deleteFailure,
  removalOutcome,
  removeQuestion,
  REMOVE_CONSEQUENCES,
  titleConfirmed,
  titleMismatch,
} from './removalText.js';

describe('removing someone', () => {
  it('asks by name and says what happens', () => {
    expect(`${removeQuestion('Ana')} ${REMOVE_CONSEQUENCES}`).toBe(
      'Remove Ana from the session? Their connection closes and their link stops working. What they put on the table stays.',
    );
  });

  it('reports the outcome', () => {
    expect(removalOutcome('Ana', null)).toEqual({ kind: 'removed', message: 'Ana was removed from the session.' });
    // Already gone (removed in another tab): as good as removed.
    expect(removalOutcome('Ana', new ApiRequestError(404, 'not_found', 'nobody with this id is in the session'))).toEqual({
      kind: 'removed',
      message: 'Ana was no longer in the session.',
    });
  });

  it('says what to do when it fails', () => {
    expect(removalOutcome('Ana', new ApiRequestError(403, 'forbidden', 'only the host can remove people from the session'))).toEqual({
      kind: 'failed',
      message: 'Could not remove Ana. Only the host can remove people from the session.',
    });
    expect(
      removalOutcome('Ana', new ApiRequestError(0, 'network', 'Could not reach the Worktable server. Check your connection and try again.'))
        .message,
    ).toBe('Could not remove Ana. Could not reach the Worktable server. Check your connection and try again.');
    expect(removalOutcome('Ana', new ApiRequestError(503, 'unavailable', 'storage unreachable')).message).toMatch(
      /Try again in a moment\.$/,
    );
  });
});

describe('deleting the session', () => {
  it('needs the title typed, ignoring spaces at the ends and doubled spaces but not letter case', () => {
    expect(titleConfirmed('Café: feedback', 'Café: feedback')).toBe(true);
    expect(titleConfirmed('  Café:  feedback ', 'Café: feedback')).toBe(true);
    expect(titleConfirmed('café: feedback', 'Café: feedback')).toBe(false);
    expect(titleConfirmed('Café', 'Café: feedback')).toBe(false);
    expect(titleConfirmed('', '   ')).toBe(false);
  });

  it('explains a missing or wrong title', () => {
    expect(titleMismatch('', 'Café')).toBe('Type the session title, “Café”, to confirm.');
    expect(titleMismatch('Cafe', 'Café')).toBe('That is not the session title. Type “Café” exactly as shown, or cancel.');
  });

  it('says what failed and what was deleted', () => {
    expect(deleteFailure(new ApiRequestError(403, 'forbidden', 'only the host can delete the session'))).toBe(
      'Could not delete the session. Only the host can delete the session.',
    );
    expect(deletedNotice('Café')).toEqual({ title: 'Session deleted', detail: '“Café” and everything in it are gone for everyone.' });
  });
});
