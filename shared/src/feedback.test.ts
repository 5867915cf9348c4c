import { describe, expect, it } from 'vitest';
import { ThreadField, countByType, filterThreads, readThread, validateFeedbackText, type FeedbackThread } from './feedback.js';

const thread = (id: string, artifactId: string, type: FeedbackThread['type'], createdAt: number, resolved = false): FeedbackThread => ({
  id,
  artifactId,
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt,
  phase: null,
  resolved,
  messages: [],
});

/** A thread's fields as a plain map (what `readThread` reads from a Y.Map). */
const fields = (entries: Record<string, unknown>) => new Map(Object.entries({ [ThreadField.Messages]: { toArray: () => [] }, ...entries }));

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

  it('FB4 reads the phase a thread was written in, and none from a thread written before phases were kept', () => {
    const base = { [ThreadField.Id]: 't', [ThreadField.ArtifactId]: 'a1', [ThreadField.Type]: 'probing' };
    expect(readThread(fields({ ...base, [ThreadField.PhaseId]: 'probing', [ThreadField.PhaseTitle]: 'Probing questions' }))?.phase).toEqual(
      { id: 'probing', title: 'Probing questions' },
    );
    expect(readThread(fields({ ...base, [ThreadField.PhaseId]: 'probing' }))?.phase).toEqual({ id: 'probing', title: 'probing' });
    expect(readThread(fields(base))?.phase).toBeNull();
    expect(readThread(fields({ ...base, [ThreadField.PhaseId]: 42 }))?.phase).toBeNull();
  });

  it('FB5 filters by the phase written in (null: outside a phase)', () => {
    const inPhase = { ...thread('p', 'a1', 'warm', 4), phase: { id: 'warm-cool', title: 'Warm and cool feedback' } };
    const all = [...threads, inPhase];
    expect(filterThreads(all, { phaseId: 'warm-cool' }).map((t) => t.id)).toEqual(['p']);
    expect(filterThreads(all, { phaseId: null }).map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('FB3 refuses empty and overlong messages with a reason', () => {
    expect(validateFeedbackText('  yes  ')).toEqual({ ok: true, text: 'yes' });
    expect(validateFeedbackText('   ')).toEqual({ ok: false, reason: 'Write something first.' });
    expect(validateFeedbackText('x'.repeat(2001)).ok).toBe(false);
  });
});
