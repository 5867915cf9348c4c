/**
 * Voice activity from an audio level, computed in the browser: a level (RMS, 0–1) sampled every
 * few tens of milliseconds is speech while it stays above a threshold, with a short hangover so
 * the pauses between words count as speaking. Pure: the samples and their times are inputs; the
 * detector only adds up durations (no audio is kept or sent).
 */

/** How often a browser reports the speaking time it measured. */
export const REPORT_MS = 10_000;

/** RMS level above which a sample counts as voice (about −40 dBFS). */
export const VOICE_LEVEL = 0.01;
/** Silence shorter than this after voice still counts as speaking (pauses between words). */
export const HANGOVER_MS = 400;
/** Longest gap between two samples that is counted (a tab asleep is not speech). */
const MAX_GAP_MS = 1_000;

/** Tracks whether someone speaks and for how long. */
export class VoiceActivity {
  private lastVoiceAt = Number.NEGATIVE_INFINITY;
  private lastSampleAt: number | null = null;
  private spokenMs = 0;
  /** Whether the last sample was within speech. */
  speaking = false;

  /**
   * Takes one level at `now`; `counts` false (muted) measures but does not add speaking time.
   * Returns whether the person speaks now.
   */
  sample(level: number, now: number, counts = true): boolean {
    if (level >= VOICE_LEVEL) this.lastVoiceAt = now;
    const speaking = now - this.lastVoiceAt <= HANGOVER_MS;
    if (this.speaking && counts && this.lastSampleAt !== null) {
      const gap = now - this.lastSampleAt;
      if (gap > 0 && gap <= MAX_GAP_MS) this.spokenMs += gap;
    }
    this.speaking = speaking;
    this.lastSampleAt = now;
    return speaking;
  }

  /** Speaking time added since the last call, in whole ms (and starts counting again). */
  take(): number {
    const ms = Math.floor(this.spokenMs);
    this.spokenMs -= ms;
    return ms;
  }
}

/** The RMS of time-domain samples (−1…1). */
export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
