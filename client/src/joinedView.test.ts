import { describe, expect, it } from 'vitest';
import type { SessionView } from '@worktable/shared';
import { keepJoinedView, takeJoinedView } from './identity.js';

const view = (participantId: string): SessionView => ({
  sessionId: 's1',
  title: 'Tuning',
  protocol: 'tuning',
  createdAt: '2026-12-01T10:00:00.000Z',
  you: { participantId, role: 'participant' },
  participants: [],
});

describe('the view a join answered', () => {
  it('JV1 goes to the session page once, for the one who joined', () => {
    keepJoinedView('s1', view('p_ana'));
    expect(takeJoinedView('s1', 'p_ana')).toEqual(view('p_ana'));
    // Later loads ask the server.
    expect(takeJoinedView('s1', 'p_ana')).toBeNull();
  });

  it('JV2 is not used for someone else (another identity stored since)', () => {
    keepJoinedView('s1', view('p_ana'));
    expect(takeJoinedView('s1', 'p_ben')).toBeNull();
    expect(takeJoinedView('s1', 'p_ana')).toBeNull();
  });
});
