import { describe, expect, it } from 'vitest';
import { addSpokenTime, describeTalkSpread, talkSpread } from './speakingTime.js';

describe('speaking time', () => {
  it('ST1 adds what each browser reports, and refuses more speech than time has passed', () => {
    let spoken = {};
    const first = addSpokenTime(spoken, 'ana', 4_000, 10_000);
    expect(first).toMatchObject({ ok: true, spoken: { ana: { ms: 4_000, at: 10_000 } } });
    spoken = first.ok ? first.spoken : spoken;
    expect(addSpokenTime(spoken, 'ana', 4_500, 15_000)).toMatchObject({ ok: true, spoken: { ana: { ms: 8_500 } } });
    // 30 s of speech claimed 5 s after the last report.
    expect(addSpokenTime(spoken, 'ana', 30_000, 15_000)).toMatchObject({ ok: false });
    for (const bad of [0, -5, 1.5, 60_001]) expect(addSpokenTime(spoken, 'ben', bad, 20_000).ok).toBe(false);
  });

  it('ST2 the spread names nobody: the top speaker’s share and the quieter half’s', () => {
    expect(talkSpread({})).toBeNull();
    const spread = talkSpread({
      a: { ms: 34_000, at: 0 },
      b: { ms: 30_000, at: 0 },
      c: { ms: 20_000, at: 0 },
      d: { ms: 16_000, at: 0 },
      e: { ms: 0, at: 0 },
    });
    expect(spread).toEqual({ speakers: 4, totalMs: 100_000, topSharePercent: 34, quieterHalfPercent: 36 });
    expect(describeTalkSpread(spread!)).toBe('4 people spoke; the most active speaker held 34 % of the talk time, the quieter half 36 %.');
    expect(describeTalkSpread(talkSpread({ a: { ms: 5, at: 0 }, b: { ms: 5, at: 0 } })!)).toBe(
      '2 people spoke; the most active speaker held 50 % of the talk time.',
    );
  });
});
