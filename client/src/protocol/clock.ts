/**
 * Pure time helpers for the protocol timer: time left in the current phase from the server's
 * deadline and our clock offset, and how to show it. No timers here; `useRemaining` ticks.
 */
import { RunStatus, type SessionState } from '@worktable/shared';

/** Whether the current phase is counting down (running, with a deadline, not over). */
export function isCounting(state: SessionState | null): boolean {
  return state !== null && state.status === RunStatus.Running && state.phase !== null && state.phase.endsAt !== null;
}

/**
 * Milliseconds left in the current phase at local time `now`, given `offsetMs` (server clock =
 * local clock + offset). While counting: the deadline minus server-now; otherwise the frozen
 * `remainingMs`. Never negative; 0 without a phase.
 */
export function remainingAt(state: SessionState | null, now: number, offsetMs: number): number {
  const phase = state?.phase;
  if (!state || !phase) return 0;
  if (isCounting(state) && phase.endsAt !== null) return Math.max(0, phase.endsAt - (now + offsetMs));
  return Math.max(0, phase.remainingMs);
}

/** `state` with its phase's `remainingMs` replaced by `remainingMs` (a local snapshot to compare). */
export function withRemaining(state: SessionState, remainingMs: number): SessionState {
  return state.phase ? { ...state, phase: { ...state.phase, remainingMs } } : state;
}

/**
 * A countdown as people read it: "12:05", "0:59", "1:05:00" past an hour. Rounds up to the
 * whole second (so "0:00" means the time is really up) and never goes below "0:00".
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil((Number.isFinite(ms) ? ms : 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A duration in words for announcements: "5 minutes", "1 minute 30 seconds", "45 seconds". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return plural(seconds, 'second');
  return seconds === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(seconds, 'second')}`;
}

/** Time left in words, the same whole seconds the clock shows ("1:12" → "1 minute 12 seconds left"), for the timer's accessible label. */
export function spokenRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil((Number.isFinite(ms) ? ms : 0) / 1000));
  return seconds === 0 ? 'No time left' : `${formatDuration(seconds * 1000)} left`;
}

/** Fraction of the phase still ahead, 0–1, for the progress ring. */
export function fractionLeft(remainingMs: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.min(1, Math.max(0, remainingMs / durationMs));
}

/** Last stretch of a phase in which the timer turns amber and the group is warned. */
export const LAST_MINUTE_MS = 60_000;

/** How the timer looks: calm, in the last minute, or out of time. */
export type TimerTone = 'calm' | 'last-minute' | 'up';

/** The timer's tone for `remainingMs` (and whether the phase is marked over). */
export function timerTone(remainingMs: number, over: boolean): TimerTone {
  if (over || remainingMs <= 0) return 'up';
  return remainingMs <= LAST_MINUTE_MS ? 'last-minute' : 'calm';
}
