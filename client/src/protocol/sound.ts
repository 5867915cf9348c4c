/**
 * The end-of-phase chime: a soft two-tone sine (~0.4 s) through Web Audio. Browsers only allow
 * audio after a user gesture, so the AudioContext is created lazily on the first pointer or key
 * press (`armChime`). The on/off preference is kept in localStorage.
 */
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'worktable:protocol:sound';

let context: AudioContext | null = null;

function audioContextClass(): typeof AudioContext | null {
  if (typeof window === 'undefined') return null;
  if (typeof AudioContext !== 'undefined') return AudioContext;
  return (window as Window & { webkitAudioContext?: typeof AudioContext }).webkitAudioContext ?? null;
}

/** Creates (or resumes) the audio context; call from a user gesture. Safe to call repeatedly. */
export function unlockAudio(): void {
  try {
    if (!context) {
      const Ctor = audioContextClass();
      if (!Ctor) return;
      context = new Ctor();
    }
    if (context.state === 'suspended') void context.resume();
  } catch {
    // No audio available: the visual cue remains.
  }
}

/** Plays the chime if audio was unlocked; silently does nothing otherwise. */
export function playChime(): void {
  const ctx = context;
  if (ctx?.state !== 'running') return;
  const start = ctx.currentTime + 0.02;
  const tones: [frequency: number, at: number][] = [
    [659.25, 0], // E5
    [523.25, 0.18], // C5
  ];
  for (const [frequency, at] of tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t = start + at;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.12, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.24);
  }
}

/** Whether the chime is on (default on; storage errors read as on). */
export function loadSoundOn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Remembers the chime preference. */
export function saveSoundOn(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/** Unlocks audio on the first user gesture anywhere on the page, while mounted. */
export function useAudioUnlock(): void {
  useEffect(() => {
    const unlock = () => {
      unlockAudio();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);
}

/** The persisted sound preference and its setter. */
export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(loadSoundOn);
  const set = useCallback((next: boolean) => {
    setOn(next);
    saveSoundOn(next);
    if (next) unlockAudio();
  }, []);
  return [on, set];
}
