import { describe, expect, it } from 'vitest';
import { HANGOVER_MS, VOICE_LEVEL, VoiceActivity, rmsOf } from './voiceActivity.js';

/** Feeds `levels` one every `step` ms from `start`; returns the time after the last. */
function feed(vad: VoiceActivity, levels: number[], start: number, step = 50, counts = true): number {
  let t = start;
  for (const level of levels) {
    vad.sample(level, t, counts);
    t += step;
  }
  return t;
}

describe('voice activity', () => {
  it('VA1 counts continuous voice as speaking time, silence as none', () => {
    const vad = new VoiceActivity();
    let t = feed(vad, Array(40).fill(0.2), 0); // 2 s of voice
    expect(vad.take()).toBeGreaterThanOrEqual(1900);
    t = feed(vad, Array(40).fill(0), t + 1000); // a pause longer than the hangover, then silence
    expect(vad.take()).toBeLessThanOrEqual(HANGOVER_MS + 50);
    feed(vad, Array(40).fill(0), t);
    expect(vad.take()).toBe(0);
  });

  it('VA2 short pauses between words count; a muted microphone adds nothing', () => {
    const vad = new VoiceActivity();
    const words = Array.from({ length: 60 }, (_, i) => (i % 6 < 4 ? 0.1 : 0.001));
    feed(vad, words, 0);
    expect(vad.take()).toBeGreaterThanOrEqual(2800);
    const muted = new VoiceActivity();
    feed(muted, Array(40).fill(0.2), 0, 50, false);
    expect(muted.take()).toBe(0);
    expect(muted.speaking).toBe(true);
  });

  it('VA3 a sleeping tab (a long gap between samples) is not speech; levels below the threshold are silence', () => {
    const vad = new VoiceActivity();
    vad.sample(0.2, 0);
    vad.sample(0.2, 60_000);
    expect(vad.take()).toBe(0);
    feed(vad, Array(20).fill(VOICE_LEVEL / 2), 100_000);
    expect(vad.take()).toBe(0);
  });

  it('VA4 rms of a full-scale square wave is 1, of silence 0', () => {
    expect(rmsOf(new Float32Array([1, -1, 1, -1]))).toBe(1);
    expect(rmsOf(new Float32Array(8))).toBe(0);
  });
});
