import { describe, expect, it } from 'vitest';
import { applySessionAction, initialSessionControl, type SessionContext, type SessionControl } from '../convening/index.js';
import { builtInProtocol } from '../protocols/builtins.js';
import type { Protocol } from '../protocols/definition.js';
import { endedPhases, historyTitle } from './history.js';

const tuning = builtInProtocol('tuning') as Protocol;
const host = { participantId: 'h', isHost: true, isObserver: false };
const people = ['h', 'a', 'b', 'c'].map((id, i) => ({
  id,
  role: i === 0 ? ('host' as const) : ('participant' as const),
  joinedAt: i,
  present: true,
}));
const ctx = (now: number): SessionContext => ({ now, protocol: tuning, people });

function act(control: SessionControl, action: Parameters<typeof applySessionAction>[1], now: number): SessionControl {
  const result = applySessionAction(control, action, host, ctx(now));
  if (!result.ok) throw new Error(result.error.message);
  return result.control;
}

describe('history labels', () => {
  it('labels the phase that ended with its protocol, index, round and roles; nothing when no phase ended', () => {
    const lobby = initialSessionControl(tuning, 3);
    const running = act(lobby, { action: 'start' }, 1000);
    expect(endedPhases(lobby, running, tuning, 1000)).toEqual([]); // starting ends nothing
    const paused = act(running, { action: 'pause' }, 2000);
    expect(endedPhases(running, paused, tuning, 2000)).toEqual([]);
    const next = act(running, { action: 'next' }, 3000);
    const [label] = endedPhases(running, next, tuning, 3000);
    expect(label).toEqual({
      tableId: 'table-1',
      protocolId: 'tuning',
      protocolTitle: tuning.title,
      phaseId: 'introduction',
      phaseTitle: 'Introduction',
      phaseIndex: 0,
      phaseCount: expect.any(Number) as number,
      protocolRound: expect.any(Number) as number,
      round: 0,
      roles: running.runs['table-1']?.roles,
      endedAt: 3000,
    });
    expect(historyTitle(label!)).toMatch(/^Introduction \(1\/\d+\)/);
  });

  it('a convening round that ends or is replaced labels every table once, with the round', () => {
    let control = act(initialSessionControl(tuning, 5), { action: 'seat', tableCount: 2 }, 0);
    control = act(control, { action: 'startRound' }, 10);
    const ended = act(control, { action: 'endRound' }, 20);
    const labels = endedPhases(control, ended, tuning, 20);
    expect(labels.map((l) => [l.tableId, l.round, l.phaseIndex])).toEqual([
      ['table-1', 1, 0],
      ['table-2', 1, 0],
    ]);
    expect(historyTitle(labels[0]!)).toMatch(/^Round 1 · Introduction/);
    const reseated = act(ended, { action: 'startRound' }, 30);
    expect(endedPhases(ended, reseated, tuning, 30)).toEqual([]); // already recorded when it ended
  });
});
