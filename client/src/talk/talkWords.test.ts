import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE } from '@worktable/shared';
import { talkAnnouncement } from './talkWords.js';

const names = (id: string) => ({ ana: 'Ana', ben: 'Ben' })[id] ?? 'someone';

describe('talk announcements', () => {
  it('says who has the floor and who holds the piece, once', () => {
    const called = { ...EMPTY_QUEUE, speaker: { participantId: 'ben', since: 1 } };
    expect(talkAnnouncement(EMPTY_QUEUE, called, names)).toBe('Ben has the floor.');
    expect(talkAnnouncement(called, called, names)).toBeNull();
    const piece = { ...EMPTY_QUEUE, piece: { order: ['ana', 'ben'], turn: 0, perPersonMs: 60_000, endsAt: 2 } };
    expect(talkAnnouncement(null, piece, names)).toBe('Go round: Ana holds the talking piece first.');
    expect(talkAnnouncement(piece, { ...piece, piece: { ...piece.piece, turn: 1 } }, names)).toBe('Ben holds the talking piece now.');
    expect(talkAnnouncement(piece, EMPTY_QUEUE, names)).toBe('The go round is over.');
  });
});
