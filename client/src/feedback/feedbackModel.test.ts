import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countByType, filterThreads, FeedbackType, TableRoot } from '@worktable/shared';
import { openThread, readThreads, reply, setResolved } from './feedbackModel.js';

const ana = { participantId: 'p_ana', name: 'Ana' };
const ben = { participantId: 'p_ben', name: 'Ben' };

/** Two documents that exchange every update, as two browsers through the relay. */
function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

describe('feedback threads in the table document', () => {
  it('FT1 a thread opened in one browser, answered and resolved in another, reads the same in both', () => {
    const [a, b] = syncedPair();
    const opened = openThread(a, ana, { artifactId: 'art1', type: FeedbackType.Clarifying, text: ' What grade is this for? ' }, 1000);
    expect(opened.ok).toBe(true);
    const id = opened.ok ? opened.id : '';
    expect(reply(b, id, ben, 'Grade 9.', 2000)).toEqual({ ok: true });
    setResolved(b, id, ben, true);
    for (const doc of [a, b]) {
      const [thread] = readThreads(doc);
      expect(thread).toMatchObject({ id, artifactId: 'art1', type: 'clarifying', resolved: true, createdByName: 'Ana' });
      expect(thread?.messages.map((m) => [m.authorName, m.text])).toEqual([
        ['Ana', 'What grade is this for?'],
        ['Ben', 'Grade 9.'],
      ]);
    }
  });

  it('FT2 refuses empty text and replies to unknown threads, writing nothing', () => {
    const doc = new Y.Doc();
    expect(openThread(doc, ana, { artifactId: 'x', type: FeedbackType.Warm, text: '  ' })).toEqual({
      ok: false,
      reason: 'Write something first.',
    });
    expect(reply(doc, 'nope', ana, 'hi').ok).toBe(false);
    expect(readThreads(doc)).toEqual([]);
  });

  it('FT3 counts and filters by type across concurrent threads', () => {
    const [a, b] = syncedPair();
    openThread(a, ana, { artifactId: 'art1', type: FeedbackType.Warm, text: 'Clear rubric.' }, 1);
    openThread(b, ben, { artifactId: 'art1', type: FeedbackType.Cool, text: 'Criteria overlap.' }, 2);
    openThread(b, ben, { artifactId: 'art2', type: FeedbackType.Warm, text: 'Nice.' }, 3);
    const threads = readThreads(a);
    expect(countByType(threads)).toMatchObject({ warm: 2, cool: 1, clarifying: 0 });
    expect(filterThreads(threads, { artifactId: 'art1', types: ['cool'] }).map((t) => t.createdByName)).toEqual(['Ben']);
  });

  it('FT4 skips malformed threads instead of failing', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    bad.set('id', 42);
    doc.getMap(TableRoot.Feedback).set('bad', bad);
    openThread(doc, ana, { artifactId: 'a', type: FeedbackType.Wonder, text: 'I wonder…' });
    expect(readThreads(doc)).toHaveLength(1);
  });

  it('FT5 a thread keeps the phase it was written in; one written outside a phase has none', () => {
    const [a, b] = syncedPair();
    openThread(
      a,
      ana,
      {
        artifactId: 'art1',
        type: FeedbackType.Probing,
        text: 'What would success look like?',
        phase: { id: 'probing', title: 'Probing questions' },
      },
      1,
    );
    openThread(a, ana, { artifactId: 'art1', type: FeedbackType.Comment, text: 'Before we start.' }, 2);
    expect(
      readThreads(b)
        .sort((x, y) => x.createdAt - y.createdAt)
        .map((t) => t.phase),
    ).toEqual([{ id: 'probing', title: 'Probing questions' }, null]);
  });
});
