import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, applyTalkAction, pieceHolder, type SpeakingQueue, type TalkAction, type TalkActor } from './speakingQueue.js';

const members = ['ana', 'ben', 'cy'];
const person = (id: string, leads = false): TalkActor => ({ participantId: id, leads, member: members.includes(id) });
function act(queue: SpeakingQueue, action: TalkAction, by: TalkActor, now = 1_000): SpeakingQueue {
  const result = applyTalkAction(queue, action, by, members, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.queue;
}

describe('the speaking queue', () => {
  it('keeps hands in the order they went up; anyone at the table calls the next; lowering leaves the queue', () => {
    let q = act(EMPTY_QUEUE, { action: 'raiseHand', up: true }, person('cy'), 1);
    q = act(q, { action: 'raiseHand', up: true }, person('ana'), 2);
    q = act(q, { action: 'raiseHand', up: true }, person('cy'), 3); // twice up keeps the first place
    q = act(q, { action: 'raiseHand', up: true }, person('ben'), 4);
    expect(q.hands.map((h) => h.participantId)).toEqual(['cy', 'ana', 'ben']);
    q = act(q, { action: 'callNext' }, person('ben'), 5);
    expect(q.speaker).toEqual({ participantId: 'cy', since: 5 });
    q = act(q, { action: 'raiseHand', up: false }, person('ana'), 6);
    expect(q.hands.map((h) => h.participantId)).toEqual(['ben']);
    q = act(q, { action: 'callNext' }, person('ana'), 7);
    q = act(q, { action: 'callNext' }, person('ana'), 8);
    expect(q).toMatchObject({ hands: [], speaker: null });
    expect(applyTalkAction(q, { action: 'raiseHand', up: true }, person('eve'), members, 9)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('passes the talking piece around the table in order, each with the same time, then ends the round', () => {
    expect(applyTalkAction(EMPTY_QUEUE, { action: 'startPiece', perPersonMs: 60_000 }, person('ana'), members, 0)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(applyTalkAction(EMPTY_QUEUE, { action: 'startPiece', perPersonMs: 1_000 }, person('ana', true), members, 0)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    let q = act(EMPTY_QUEUE, { action: 'startPiece', perPersonMs: 60_000 }, person('ana', true), 10_000);
    expect(pieceHolder(q)).toBe('ana');
    expect(q.piece?.endsAt).toBe(70_000);
    expect(applyTalkAction(q, { action: 'passPiece' }, person('cy'), members, 20_000)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    q = act(q, { action: 'passPiece' }, person('ana'), 40_000);
    expect([pieceHolder(q), q.piece?.endsAt]).toEqual(['ben', 100_000]);
    q = act(q, { action: 'passPiece' }, person('ana', true), 50_000); // the facilitator may move it on
    expect(pieceHolder(q)).toBe('cy');
    q = act(q, { action: 'passPiece' }, person('cy'), 60_000);
    expect(q.piece).toBeNull();
  });
});
