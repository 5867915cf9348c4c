import { describe, expect, it } from 'vitest';
import type { FeedbackThread, ThreadPhase } from '@worktable/shared';
import { ALL_FEEDBACK, OUTSIDE_A_PHASE, boardView } from './feedbackBoard.js';

const CLARIFYING: ThreadPhase = { id: 'clarifying', title: 'Clarifying questions' };
const WARM_COOL: ThreadPhase = { id: 'warm-cool', title: 'Warm and cool feedback' };

const thread = (id: string, type: FeedbackThread['type'], createdAt: number, phase: ThreadPhase | null): FeedbackThread => ({
  id,
  artifactId: `item-${id}`,
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt,
  phase,
  resolved: false,
  messages: [],
});

const threads = [
  thread('w2', 'warm', 5, WARM_COOL),
  thread('c1', 'clarifying', 2, CLARIFYING),
  thread('old', 'comment', 1, null),
  thread('w1', 'warm', 4, WARM_COOL),
  thread('k1', 'cool', 6, WARM_COOL),
  thread('c2', 'clarifying', 3, CLARIFYING),
];

describe('feedback board', () => {
  it('FBB1 groups every thread by type in the usual order, oldest first, and counts them', () => {
    const view = boardView(threads, ALL_FEEDBACK);
    expect(view.total).toBe(6);
    expect(view.groups.map((g) => [g.type, g.threads.map((t) => t.id)])).toEqual([
      ['clarifying', ['c1', 'c2']],
      ['warm', ['w1', 'w2']],
      ['cool', ['k1']],
      ['comment', ['old']],
    ]);
    expect(view.typeCounts).toMatchObject({ clarifying: 2, warm: 2, cool: 1, comment: 1, probing: 0 });
    expect(view.types).toEqual(['clarifying', 'warm', 'cool', 'comment']);
  });

  it('FBB2 lists phases in the order they were written in, threads from before phases as outside a phase', () => {
    expect(boardView(threads, ALL_FEEDBACK).phases).toEqual([
      { id: null, title: OUTSIDE_A_PHASE, count: 1 },
      { id: 'clarifying', title: 'Clarifying questions', count: 2 },
      { id: 'warm-cool', title: 'Warm and cool feedback', count: 3 },
    ]);
  });

  it('FBB3 filters by type and by phase; each filter’s counts follow the other filter', () => {
    const warmCool = boardView(threads, { type: 'all', phase: 'warm-cool' });
    expect(warmCool.groups.map((g) => g.type)).toEqual(['warm', 'cool']);
    expect(warmCool.typeCounts).toMatchObject({ warm: 2, cool: 1, clarifying: 0 });
    expect(warmCool.phaseTotal).toBe(3);
    // The chips of types absent from this phase stay (with 0), so they do not jump around.
    expect(warmCool.types).toEqual(['clarifying', 'warm', 'cool', 'comment']);

    const warm = boardView(threads, { type: 'warm', phase: 'all' });
    expect(warm.groups.map((g) => g.threads.map((t) => t.id))).toEqual([['w1', 'w2']]);
    expect(warm.phases.map((p) => p.count)).toEqual([0, 0, 2]);
    expect(warm.typeTotal).toBe(2);

    expect(boardView(threads, { type: 'comment', phase: null }).groups.map((g) => g.threads.map((t) => t.id))).toEqual([['old']]);
    expect(boardView(threads, { type: 'cool', phase: 'clarifying' }).groups).toEqual([]);
  });

  it('FBB4 an empty table has no groups, types or phases', () => {
    expect(boardView([], ALL_FEEDBACK)).toMatchObject({ total: 0, groups: [], types: [], phases: [] });
  });
});
