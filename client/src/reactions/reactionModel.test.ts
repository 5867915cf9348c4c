import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from '../canvas/tableModel.js';
import { readReactionKeys, toggleArtifactReaction, toggleReaction, type ReactionSelf } from './reactionModel.js';

function table(): { doc: Y.Doc; item: Y.Map<unknown> } {
  const doc = new Y.Doc();
  const item = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>('artifacts').set('a1', item);
  item.set('id', 'a1');
  return { doc, item };
}

/** A person reacting on table-1, by name unless `anonymous`. */
const self = (participantId: string, pseudonym: string | null = null, anonymous = false): ReactionSelf => ({
  participantId,
  pseudonym,
  anonymous,
  docName: 'table-1',
});

describe('reaction model', () => {
  it('toggles your own named key in the table’s reactions map, per item, asking nothing of the server', () => {
    const { doc, item } = table();
    expect(readReactionKeys(item)).toEqual([]);
    const ana = self('p_ana', 'ps_ana');
    doc.transact(() => expect(toggleReaction(item, 'agree', ana)).toEqual({ result: 'added', ask: null }));
    expect(doc.getMap('reactions').get('a1/agree:p_ana')).toBe(true);
    doc.transact(() => toggleReaction(item, 'heart', self('p_ben')));
    expect(readReactionKeys(item)).toEqual(['agree:p_ana', 'heart:p_ben']);
    doc.transact(() => expect(toggleReaction(item, 'agree', ana)).toEqual({ result: 'removed', ask: null }));
    expect(readReactionKeys(item)).toEqual(['heart:p_ben']);
  });

  it('while anonymous, asks the server to give the reaction and writes nothing itself', () => {
    const { doc, item } = table();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.transact(() =>
      expect(toggleReaction(item, 'idea', self('p_ana', 'ps_ana', true))).toEqual({
        result: 'added',
        ask: { itemId: 'a1', reaction: 'idea', on: true },
      }),
    );
    expect(updates).toEqual([]);
    expect(readReactionKeys(item)).toEqual([]);
  });

  it('takes back a named reaction here and an anonymous one through the server, whatever the setting now', () => {
    const { doc, item } = table();
    doc.transact(() => toggleReaction(item, 'idea', self('p_ana', 'ps_ana')));
    const anonymous = self('p_ana', 'ps_ana', true);
    doc.transact(() => expect(toggleReaction(item, 'idea', anonymous)).toEqual({ result: 'removed', ask: null }));
    expect(readReactionKeys(item)).toEqual([]);
    // The server's edit brings the anonymous key; taking it back (even once reactions carry names again) is asked of the server.
    doc.getMap('reactions').set('a1/idea:ps_ana', true);
    expect(toggleReaction(item, 'idea', self('p_ana', 'ps_ana'))).toEqual({
      result: 'removed',
      ask: { itemId: 'a1', reaction: 'idea', on: false },
    });
    expect(readReactionKeys(item)).toEqual(['idea:ps_ana']);
    // Given under both ids: the named one goes here, the anonymous one is asked for.
    doc.getMap('reactions').set('a1/idea:p_ana', true);
    expect(toggleReaction(item, 'idea', anonymous)).toEqual({ result: 'removed', ask: { itemId: 'a1', reaction: 'idea', on: false } });
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
    expect(toggleReaction(new Y.Map<unknown>(), 'agree', self('p_ana'))).toBeNull();
  });

  it('two people giving an item its first reaction at the same moment: both are kept', () => {
    const a = table();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const itemB = b.getMap<Y.Map<unknown>>('artifacts').get('a1')!;
    a.doc.transact(() => toggleReaction(a.item, 'agree', self('p_ana')));
    b.transact(() => toggleReaction(itemB, 'agree', self('p_ben')));
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
    expect(toggleArtifactReaction(doc, item, 'important', self('p_ana'))).toEqual({ result: 'added', ask: null });
    const mirrored = other.getMap<Y.Map<unknown>>('artifacts').get('a1') ?? null;
    expect(readReactionKeys(mirrored)).toEqual(['important:p_ana']);
    expect(undo.undoStack).toHaveLength(0);
    undo.undo();
    expect(readReactionKeys(item)).toEqual(['important:p_ana']);
    expect(toggleArtifactReaction(doc, item, 'important', self('p_ana'))).toEqual({ result: 'removed', ask: null });
    expect(readReactionKeys(mirrored)).toEqual([]);
  });
});
