import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../canvas/tableModel.js';
import { REACTIONS_FIELD, reactionsOf, readReactionKeys, toggleArtifactReaction, toggleReaction } from './reactionModel.js';

function table(): { doc: Y.Doc; item: Y.Map<unknown> } {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('artifacts').set('a1', item);
  return { doc, item };
}

describe('reaction model', () => {
  it('creates the reactions map on the first reaction and toggles your own key', () => {
    const { doc, item } = table();
    expect(reactionsOf(item)).toBeNull();
    expect(readReactionKeys(item)).toEqual([]);
    const ana = { who: 'p_ana', selves: ['p_ana', 'ps_ana'] };
    doc.transact(() => expect(toggleReaction(item, 'agree', ana)).toBe('added'));
    expect(item.get(REACTIONS_FIELD)).toBeInstanceOf(Y.Map);
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

  it('ignores keys not set to true, and a reactions field that is not a map', () => {
    const { item } = table();
    item.set(REACTIONS_FIELD, 'nonsense');
    expect(readReactionKeys(item)).toEqual([]);
    const map = new Y.Map<unknown>();
    item.set(REACTIONS_FIELD, map);
    map.set('agree:p_ana', false);
    map.set('agree:p_ben', true);
    expect(readReactionKeys(item)).toEqual(['agree:p_ben']);
    expect(readReactionKeys(null)).toEqual([]);
  });

  it('writes artifact reactions as local edits that undo and redo, and syncs them', () => {
    const { doc, item } = table();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update));
    const undo = createUndoManager(doc);
    expect(toggleArtifactReaction(doc, item, 'important', { who: 'p_ana', selves: ['p_ana'] })).toBe('added');
    const mirrored = other.getMap<Y.Map<unknown>>('artifacts').get('a1') ?? null;
    expect(readReactionKeys(mirrored)).toEqual(['important:p_ana']);
    undo.undo();
    expect(readReactionKeys(item)).toEqual([]);
    expect(readReactionKeys(mirrored)).toEqual([]);
    undo.redo();
    expect(readReactionKeys(mirrored)).toEqual(['important:p_ana']);
  });
});
