import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { artifactsOf, bringToFront, createArtifact, getArtifact, moveBy } from '../canvas/tableModel.js';
import { contentOf, standingOf, watchArtifacts } from './compare.js';

const hana = { participantId: 'p_hana', name: 'Hana' };

function setup() {
  const live = new Y.Doc();
  const id = createArtifact(live, {
    kind: ArtifactKind.Document,
    at: { x: 0, y: 0 },
    creator: hana,
    initialize: (artifact) => {
      const content = new Y.XmlFragment();
      artifact.set(ArtifactField.Content, content);
      const paragraph = new Y.XmlElement('paragraph');
      content.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText('Claim')]);
    },
  });
  createArtifact(live, {
    kind: ArtifactKind.Sticky,
    at: { x: 300, y: 0 },
    creator: hana,
    initialize: (a) => a.set(ArtifactField.Text, new Y.Text('x')),
  });
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(live));
  return { live, id, pastContent: contentOf(getArtifact(past, id)!) };
}

describe('how a past artifact stands on the live table', () => {
  it('is unchanged until its content, position or size changes; stacking order does not count', () => {
    const { live, id, pastContent } = setup();
    expect(standingOf(live, id, pastContent)).toBe('same');
    bringToFront(live, [id]);
    expect(standingOf(live, id, pastContent)).toBe('same');
    const text = ((getArtifact(live, id)!.get(ArtifactField.Content) as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 5, { bold: {} });
    expect(standingOf(live, id, pastContent)).toBe('changed');
    text.format(0, 5, { bold: null });
    expect(standingOf(live, id, pastContent)).toBe('same');
    moveBy(live, [id], 10, 0);
    expect(standingOf(live, id, pastContent)).toBe('changed');
  });

  it('is gone once deleted, and tells watchers of every change', () => {
    const { live, id, pastContent } = setup();
    let calls = 0;
    const stop = watchArtifacts(live, () => calls++);
    artifactsOf(live).delete(id);
    expect(standingOf(live, id, pastContent)).toBe('gone');
    stop();
    moveBy(live, [...artifactsOf(live).keys()], 5, 5);
    expect(calls).toBe(1);
  });
});
