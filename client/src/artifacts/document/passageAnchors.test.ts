import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { ArtifactField, FeedbackType, TableRoot } from '@worktable/shared';
import { openThread, readThreads, setResolved } from '../../feedback/feedbackModel.js';
import { documentExtensions } from './editorExtensions.js';
import { encodePassage, openAnchorsOf, resolvePassage } from './passageAnchors.js';

const schema = getSchema(documentExtensions({ fragment: new Y.XmlFragment() }));
const author = { participantId: 'p1', name: 'Pat' };

/** A table document with one document artifact holding "Findings" and a paragraph. */
function setup() {
  const doc = new Y.Doc();
  const artifact = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).set('d1', artifact);
  const fragment = new Y.XmlFragment();
  artifact.set(ArtifactField.Content, fragment);
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Findings' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Two reports cite the same source.' }] },
      ],
    },
    fragment,
  );
  return { doc, fragment };
}

/** The editor's view of the fragment now: document and binding mapping, as the sync plugin builds them. */
const view = (fragment: Y.XmlFragment) => initProseMirrorDoc(fragment, schema);

function rangeOf(pm: ReturnType<typeof view>['doc'], word: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pm.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(word) : -1;
    if (!found && at >= 0) found = { from: pos + at, to: pos + at + word.length };
  });
  if (!found) throw new Error(`no ${word}`);
  return found;
}

describe('passage anchors', () => {
  it('still points at the same text after edits before it, here and in another copy', () => {
    const { doc, fragment } = setup();
    const before = view(fragment);
    const { from, to } = rangeOf(before.doc, 'same');
    const anchor = encodePassage(from, to, fragment, before.mapping);
    // Stored as plain JSON (as in the thread's Y.Map), it survives a round trip.
    const stored = JSON.parse(JSON.stringify(anchor)) as typeof anchor;

    const paragraph = fragment.get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Indeed, ');
    const after = view(fragment);
    const range = resolvePassage(stored, doc, fragment, after.mapping);
    expect(range).not.toBeNull();
    expect(after.doc.textBetween(range!.from, range!.to)).toBe('same');
    expect(range!.from).toBe(from + 'Indeed, '.length);

    // Another client, synced, resolves it the same way.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherFragment = other.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get('d1')!.get(ArtifactField.Content) as Y.XmlFragment;
    const otherView = view(otherFragment);
    const there = resolvePassage(stored, other, otherFragment, otherView.mapping);
    expect(otherView.doc.textBetween(there!.from, there!.to)).toBe('same');
  });

  it('is null once the passage was deleted, or when the JSON is junk', () => {
    const { doc, fragment } = setup();
    const before = view(fragment);
    const { from, to } = rangeOf(before.doc, 'same ');
    const anchor = encodePassage(from, to, fragment, before.mapping);
    const text = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(text.toString().indexOf('same '), 'same '.length);
    expect(resolvePassage(anchor, doc, fragment, view(fragment).mapping)).toBeNull();
    expect(resolvePassage({ start: 'x', end: 42 }, doc, fragment, view(fragment).mapping)).toBeNull();
  });

  it('highlights the passages of unresolved threads about this document only', () => {
    const { doc, fragment } = setup();
    const before = view(fragment);
    const { from, to } = rangeOf(before.doc, 'reports');
    const anchor = encodePassage(from, to, fragment, before.mapping);
    const opened = openThread(doc, author, { artifactId: 'd1', type: FeedbackType.Probing, text: 'Which ones?', quote: 'reports', anchor });
    openThread(doc, author, { artifactId: 'd1', type: FeedbackType.Warm, text: 'Clear.' });
    openThread(doc, author, { artifactId: 'other', type: FeedbackType.Warm, text: 'Elsewhere.', quote: 'x', anchor });
    expect(openAnchorsOf(fragment)).toEqual([anchor]);
    const thread = readThreads(doc).find((t) => t.quote === 'reports');
    expect(thread?.anchor).toEqual(anchor);
    if (!opened.ok) throw new Error(opened.reason);
    setResolved(doc, opened.id, author, true);
    expect(openAnchorsOf(fragment)).toEqual([]);
  });
});
