/** What a table adds up to, as the summary card and the record both read it: heard feedback by type, next steps. */
import { describe, expect, it } from 'vitest';
import type { FeedbackThread } from '../feedback.js';
import { heardByType, nextStepsOf } from './tableSummary.js';

const thread = (type: FeedbackThread['type'], text: string): FeedbackThread => ({
  id: text,
  artifactId: 'a',
  type,
  quote: null,
  createdBy: 'p',
  createdByName: 'P',
  createdAt: 0,
  phase: null,
  resolved: false,
  messages: [{ id: 'm', authorId: 'p', authorName: 'P', text, at: 0 }],
});

describe('what a table adds up to', () => {
  it('ES1 what we heard: by type in the usual order, a few words of each, the rest counted', () => {
    const heard = heardByType([
      thread('cool', 'Timing is tight'),
      thread('warm', 'Clear criteria'),
      thread('warm', 'Student voice'),
      thread('warm', 'Good examples'),
      thread('warm', 'Short'),
    ]);
    expect(heard.map((h) => [h.label, h.count, h.samples.length])).toEqual([
      ['Warm feedback', 4, 3],
      ['Cool feedback', 1, 1],
    ]);
    expect(heard[0]!.samples).toEqual(['Clear criteria', 'Student voice', 'Good examples']);
  });

  it('ES3 next steps: every item with text, trimmed, an owner or date not set as empty', () => {
    expect(
      nextStepsOf([
        { text: '  Share the rubric ', done: true, owner: 'Ana', due: '2027-02-01' },
        { text: '   ', done: false, owner: 'Ben', due: null },
        { text: 'Ask the students', done: false, owner: null, due: null },
      ]),
    ).toEqual([
      { text: 'Share the rubric', owner: 'Ana', due: '2027-02-01', done: true },
      { text: 'Ask the students', owner: '', due: '', done: false },
    ]);
  });
});
