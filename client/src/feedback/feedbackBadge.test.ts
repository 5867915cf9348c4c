import { describe, expect, it } from 'vitest';
import type { FeedbackThread } from '@worktable/shared';
import { badgeText } from './FeedbackBadge.js';

const thread = (type: FeedbackThread['type']): FeedbackThread => ({
  id: type + Math.random(),
  artifactId: 'a',
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt: 0,
  phase: null,
  resolved: false,
  messages: [],
});

describe('feedback badge', () => {
  it('FB1 counts open threads by type, in the feedback types’ order', () => {
    expect(badgeText([])).toBeNull();
    expect(badgeText([thread('cool'), thread('warm'), thread('warm'), thread('notice')])).toEqual({
      short: 'Warm 2 · Cool 1 · Notice 1',
      full: '2 warm feedback, 1 cool feedback, 1 “I notice…”',
    });
  });
});
