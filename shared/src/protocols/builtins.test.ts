/**
 * Every built-in protocol validates, and its phase minutes match the published structure
 * (the reference table below is transcribed from the facilitation notes the project keeps).
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROTOCOLS } from './builtins.js';
import { validateProtocol } from './schema.js';
import { timelineOf } from './timeline.js';

/** Published minutes per phase of each protocol, in order (opening, each round, closing). */
const PUBLISHED_MINUTES: Record<string, number[]> = {
  tuning: [5, 15, 5, 15, 3, 15, 5, 5],
  consultancy: [10, 5, 10, 15, 5, 5],
  atlas: [10, 10, 10, 10, 10],
  'knowledge-cafe': [20, 15, 15, 15, 20, 5],
  'world-cafe': [10, 20, 20, 20, 30],
  '1-2-4-all': [1, 2, 4, 5],
  troika: [2, 2, 5, 2, 2, 2, 5, 2, 2, 2, 5, 2],
  'what-so-what-now-what': [1, 5, 1, 5, 1, 5],
  'pdsa-debrief': [5, 10, 10, 10],
  'check-in': [6],
  norms: [5, 10, 5],
  'closing-circle': [10],
};

describe('built-in protocols', () => {
  it('P1 all twelve validate against the schema', () => {
    expect(BUILT_IN_PROTOCOLS.map((p) => p.id).sort()).toEqual(Object.keys(PUBLISHED_MINUTES).sort());
    for (const protocol of BUILT_IN_PROTOCOLS) expect(validateProtocol(protocol), protocol.id).toMatchObject({ ok: true });
  });

  it('P2 phase minutes match the published structure', () => {
    for (const protocol of BUILT_IN_PROTOCOLS) {
      expect(
        timelineOf(protocol).map((s) => s.phase.durationMs / 60_000),
        protocol.id,
      ).toEqual(PUBLISHED_MINUTES[protocol.id]);
    }
  });

  it('P3 review protocols keep the presenter silent while the group gives feedback', () => {
    const tuning = BUILT_IN_PROTOCOLS.find((p) => p.id === 'tuning');
    const feedback = tuning?.round.find((phase) => phase.id === 'feedback');
    expect(feedback).toMatchObject({ speakers: 'all-but-presenter', feedback: ['warm', 'cool'] });
    expect(tuning?.round.find((phase) => phase.id === 'presentation')?.speakers).toBe('presenter');
  });

  it('P4 a bad definition is refused with the path of the bad field', () => {
    const copy = JSON.parse(JSON.stringify(BUILT_IN_PROTOCOLS[0])) as { round: { durationMs: number }[] };
    copy.round[2]!.durationMs = 5;
    expect(validateProtocol(copy)).toEqual({ ok: false, path: 'round.2.durationMs', message: 'must be at least 15 seconds' });
    expect(validateProtocol({ ...BUILT_IN_PROTOCOLS[0], roles: ['scribe'] })).toMatchObject({ ok: false, path: 'roles' });
    expect(validateProtocol({ ...BUILT_IN_PROTOCOLS[0], extra: 1 })).toMatchObject({ ok: false });
    expect(validateProtocol('nope')).toMatchObject({ ok: false, path: '(root)' });
  });
});
