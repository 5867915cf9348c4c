import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../canvas/tableModel.js';
import { readReactionKeys, toggleArtifactReaction, toggleReaction } from './reactionModel.js';

function table(): { doc: Y.Doc; item: Y.Map<unknown> } {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('artifacts').set('a1', item);
  item.set('id', 'a1');
  return { doc, item };
}

describe('reaction model', () => {
  it('toggles your own key in the table’s reactions map, per item', () => {
    const { doc, item } = table();
    expect(readReactionKeys(item)).toEqual([]);
    const ana = { who: 'p_ana', selves: ['p_ana', 'ps_ana'] };
    doc.transact(() => expect(toggleReaction(item, 'agree', ana)).toBe('added'));
    expect(doc.getMap('reactions').get('a1/agree:p_ana')).toBe(true);
    doc.transact(() => toggleReaction(item, 'heart', { who: 'p_ben', selves: ['p_ben'] }));
    expect(readReactionKeys(item)).toEqual(['agree:p_ana', 'heart:p_ben']);
    doc.transact(() => expect(toggleReaction(item, 'agree', ana)).toBe('removed'));
    expect(readReactionKeys(item)).toEqual(['heart:p_ben']);
  });

  it('takes back a reaction given under another of your ids (before reactions became anonymous)', () => {
    const { doc, item } = table();
    doc.transact(() => toggleReaction(item, 'idea', { who: 'p_ana', selves: ['p_ana', 'ps_ana'] }));
    const anonymous = { who: 'ps_ana', selves: ['p_ana', 'ps_ana'] };
    doc.transact(() => expect(toggleReaction(item, 'idea', anonymous)).toBe('removed'));
    expect(readReactionKeys(item)).toEqual([]);
    doc.transact(() => toggleReaction(item, 'idea', anonymous));
    expect(readReactionKeys(item)).toEqual(['idea:ps_ana']);
  });

  it('ignores keys not set to true and other items’ keys', () => {
    const { doc, item } = table();
    const map = doc.getMap('reactions');
    map.set('a1/agree:p_ana', false);
    map.set('a1/agree:p_ben', true);
    map.set('a10/agree:p_cy', true);
    expect(readReactionKeys(item)).toEqual(['agree:p_ben']);
    expect(readReactionKeys(null)).toEqual([]);
  });

  it('two people giving an item its first reaction at the same moment: both are kept', () => {
    const a = table();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const itemB = b.getMap<Y.Map<unknown>>('artifacts').get('a1')!;
    a.doc.transact(() => toggleReaction(a.item, 'agree', { who: 'p_ana', selves: ['p_ana'] }));
    b.transact(() => toggleReaction(itemB, 'agree', { who: 'p_ben', selves: ['p_ben'] }));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    expect(readReactionKeys(a.item)).toEqual(['agree:p_ana', 'agree:p_ben']);
    expect(readReactionKeys(itemB)).toEqual(['agree:p_ana', 'agree:p_ben']);
  });

  it('syncs artifact reactions, and leaves them out of the canvas undo history (a toggle, not an edit)', () => {
    const { doc, item } = table();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update));
    const undo = createUndoManager(doc);
    expect(toggleArtifactReaction(doc, item, 'important', { who: 'p_ana', selves: ['p_ana'] })).toBe('added');
    const mirrored = other.getMap<Y.Map<unknown>>('artifacts').get('a1') ?? null;
    expect(readReactionKeys(mirrored)).toEqual(['important:p_ana']);
    expect(undo.undoStack).toHaveLength(0);
    undo.undo();
    expect(readReactionKeys(item)).toEqual(['important:p_ana']);
    expect(toggleArtifactReaction(doc, item, 'important', { who: 'p_ana', selves: ['p_ana'] })).toBe('removed');
    expect(readReactionKeys(mirrored)).toEqual([]);
  });
});
