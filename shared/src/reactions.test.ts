import { describe, expect, it } from 'vitest';
import { reactionKey, tallyReactions } from './reactions.js';

describe('reactions', () => {
  it('counts each reaction, knows mine, and ignores malformed keys', () => {
    const keys = [reactionKey('agree', 'p1'), reactionKey('agree', 'p2'), reactionKey('idea', 'p1'), 'nonsense', ':p3', 'agree:', 'laser:p1'];
    const { counts, mine, who } = tallyReactions(keys, 'p1');
    expect(counts).toEqual({ agree: 2, heart: 0, idea: 1, question: 0, important: 0 });
    expect([...mine].sort()).toEqual(['agree', 'idea']);
    expect(who.agree).toEqual(['p1', 'p2']);
  });
});
