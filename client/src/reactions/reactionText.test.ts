import { describe, expect, it } from 'vitest';
import { namesText, reactionButtonLabel, reactionSummary, reactionTitle, reactionViews, toggleAnnouncement } from './reactionText.js';

const NAMES: Record<string, string> = { p_ana: 'Ana Alvarez', p_ben: 'Ben Brown', p_cy: 'Cy Chen' };
const lens = (anonymous: boolean) => ({ selves: ['p_ana', 'ps_ana'], anonymous, nameOf: (id: string) => NAMES[id] ?? null });

describe('reaction text', () => {
  it('names the toggle buttons', () => {
    expect(reactionButtonLabel('Agree', 3, false)).toBe('Agree, 3 people');
    expect(reactionButtonLabel('Agree', 1, false)).toBe('Agree, 1 person');
    expect(reactionButtonLabel('Agree', 0, false)).toBe('Agree, nobody yet');
    expect(reactionButtonLabel('Agree', 3, true)).toBe('Agree (you and 2 others)');
    expect(reactionButtonLabel('Agree', 2, true)).toBe('Agree (you and 1 other)');
    expect(reactionButtonLabel('Agree', 1, true)).toBe('Agree (you)');
  });

  it('lists who reacted, you first, unknown people counted', () => {
    expect(namesText(['Ben Brown'], true, 0)).toBe('You and Ben Brown');
    expect(namesText(['Ben Brown', 'Cy Chen'], true, 1)).toBe('You, Ben Brown, Cy Chen and 1 other');
    expect(namesText([], false, 1)).toBe('someone');
    expect(namesText([], false, 2)).toBe('2 people');
    expect(namesText([], true, 0)).toBe('You');
  });

  it('tallies every reaction in order, with yours and names unless anonymous', () => {
    const keys = ['agree:p_ana', 'agree:p_ben', 'agree:ps_x', 'important:p_cy'];
    const views = reactionViews(keys, lens(false));
    expect(views.map((v) => [v.id, v.count, v.mine])).toEqual([
      ['agree', 3, true],
      ['heart', 0, false],
      ['idea', 0, false],
      ['question', 0, false],
      ['important', 1, false],
    ]);
    expect(reactionTitle(views[0]!)).toBe('Agree: You, Ben Brown and 1 other');
    expect(reactionTitle(views[4]!)).toBe('Important: Cy Chen');
    expect(reactionTitle(views[1]!)).toBe('Love this');
    expect(reactionSummary(views)).toBe('Reactions: Agree 3 (You, Ben Brown and 1 other), Important 1 (Cy Chen)');
    const hidden = reactionViews(keys, lens(true));
    expect(hidden.map((v) => v.names)).toEqual([null, null, null, null, null]);
    expect(reactionTitle(hidden[0]!)).toBe('Agree');
    expect(reactionSummary(hidden)).toBe('Reactions: Agree 3, Important 1');
    expect(reactionSummary(reactionViews([], lens(false)))).toBe('No reactions');
  });

  it('counts you once with a reaction under both your ids', () => {
    const [agree] = reactionViews(['agree:p_ana', 'agree:ps_ana', 'agree:p_ben'], lens(false));
    expect([agree?.count, agree?.mine, agree?.names]).toEqual([2, true, 'You and Ben Brown']);
  });

  it('announces your toggle', () => {
    expect(toggleAnnouncement('Agree', 'added', 2)).toBe('You reacted “Agree”. 2 people in all.');
    expect(toggleAnnouncement('Agree', 'removed', 0)).toBe('Your “Agree” reaction is taken back. 0 people left.');
  });
});
