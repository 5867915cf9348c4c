import { describe, expect, it } from 'vitest';
import { countByType, filterThreads, validateFeedbackText, type FeedbackThread } from './feedback.js';

const thread = (id: string, artifactId: string, type: FeedbackThread['type'], createdAt: number, resolved = false): FeedbackThread => ({
  id,
  artifactId,
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt,
  resolved,
  messages: [],
});

describe('feedback model', () => {
  const threads = [
    thread('c', 'a1', 'warm', 3),
    thread('a', 'a1', 'clarifying', 1),
    thread('b', 'a2', 'cool', 2, true),
    thread('d', 'a1', 'warm', 4, true),
  ];

  it('FB1 filters by artifact, types and resolution, oldest first', () => {
    expect(filterThreads(threads).map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(filterThreads(threads, { artifactId: 'a1' }).map((t) => t.id)).toEqual(['a', 'c', 'd']);
    expect(filterThreads(threads, { types: ['warm', 'cool'], resolved: false }).map((t) => t.id)).toEqual(['c']);
  });

  it('FB2 counts every type, zero included', () => {
    expect(countByType(threads)).toEqual({ clarifying: 1, probing: 0, warm: 2, cool: 1, notice: 0, wonder: 0, comment: 0 });
  });

  it('FB3 refuses empty and overlong messages with a reason', () => {
    expect(validateFeedbackText('  yes  ')).toEqual({ ok: true, text: 'yes' });
    expect(validateFeedbackText('   ')).toEqual({ ok: false, reason: 'Write something first.' });
    expect(validateFeedbackText('x'.repeat(2001)).ok).toBe(false);
  });
});
