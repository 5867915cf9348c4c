/**
 * The large countdown inside a progress ring. The ticking digits are hidden from screen readers;
 * the timer region carries a label rounded to 10 seconds and does not announce itself
 * (announcements come from the panel's live region).
 */
import { formatClock, fractionLeft, spokenRemaining, timerTone } from './clock.js';

/** Props of `PhaseTimer`. */
export interface PhaseTimerProps {
  remainingMs: number;
  durationMs: number;
  paused: boolean;
  /** The deadline passed and the phase waits for the facilitator. */
  over: boolean;
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Countdown (mm:ss, tabular numbers) in an SVG ring whose arc is the fraction of time left. */
export function PhaseTimer({ remainingMs, durationMs, paused, over }: PhaseTimerProps) {
  const tone = timerTone(remainingMs, over);
  const fraction = fractionLeft(remainingMs, durationMs);
  const label = paused
    ? `Paused, ${spokenRemaining(remainingMs).toLowerCase()}`
    : tone === 'up'
      ? 'Time is up'
      : spokenRemaining(remainingMs);
  const note = paused ? 'Paused' : tone === 'up' ? 'Time up' : null;
  return (
    <div className={`protocol-timer is-${tone}${paused ? ' is-paused' : ''}`} role="timer" aria-live="off" aria-label={label}>
      <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle className="protocol-ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          className="protocol-ring-value"
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
        />
      </svg>
      <span className="protocol-clock" aria-hidden="true">
        {formatClock(remainingMs)}
      </span>
      {note && (
        <span className="protocol-clock-note" aria-hidden="true">
          {note}
        </span>
      )}
    </div>
  );
}
