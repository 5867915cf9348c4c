import { describe, expect, it } from 'vitest';
import { REACTION_ITEM_ID_PATTERN, itemReactionKey, parseItemReactionKey, reactionKey, tallyReactions } from './reactions.js';

describe('reactions', () => {
  it('counts each reaction, knows mine, and ignores malformed keys', () => {
    const keys = [
      reactionKey('agree', 'p1'),
      reactionKey('agree', 'p2'),
      reactionKey('idea', 'p1'),
      'nonsense',
      ':p3',
      'agree:',
      'laser:p1',
    ];
    const { counts, mine, who } = tallyReactions(keys, 'p1');
    expect(counts).toEqual({ agree: 2, heart: 0, idea: 1, question: 0, important: 0 });
    expect([...mine].sort()).toEqual(['agree', 'idea']);
    expect(who.agree).toEqual(['p1', 'p2']);
  });

  it('reads the parts of a key of the reactions map back, and nothing from a malformed one', () => {
    const id = '0b6f3c1e-8a7d-4f2e-9c55-3d2a1b0e9f77';
    expect(REACTION_ITEM_ID_PATTERN.test(id)).toBe(true);
    expect(parseItemReactionKey(itemReactionKey(id, 'heart', 'Zx-9_a'))).toEqual({ itemId: id, reaction: 'heart', who: 'Zx-9_a' });
    for (const key of ['a1', 'a1/agree', 'a1/agree:', '/agree:p1', 'a1/laser:p1', 'a1/b/agree:p1', 'a1:agree/p1'])
      expect(parseItemReactionKey(key)).toBeNull();
    for (const id of ['', 'a/b', 'a:b', 'x'.repeat(65)]) expect(REACTION_ITEM_ID_PATTERN.test(id)).toBe(false);
  });
});
