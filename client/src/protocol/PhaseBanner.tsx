/**
 * The phase banner everyone sees: protocol, "3 / 8 · Clarifying questions" (and the round), the
 * prompt, who speaks, which feedback is open, and the countdown ring. Lobby, paused, over and done
 * each have their own line.
 */
import { RunStatus, type SessionState } from '@worktable/shared';
import { formatDuration, timerTone } from './clock.js';
import { FeedbackTypes } from './FeedbackTypes.js';
import { SPEAKERS_LABEL } from './labels.js';
import { PhaseTimer } from './PhaseTimer.js';

/** Props of `PhaseBanner`. */
export interface PhaseBannerProps {
  /** The run state, or null while connecting. */
  state: SessionState | null;
  /** Time left in the phase (from `useRemaining`). */
  remainingMs: number;
  /** Briefly highlight the banner (a phase just ended). */
  flash?: boolean;
}

/** Shows where the group is in the protocol and how much time is left. */
export function PhaseBanner({ state, remainingMs, flash = false }: PhaseBannerProps) {
  if (!state) {
    return (
      <section className="protocol-card protocol-banner" aria-label="Protocol">
        <p className="protocol-status-line">Connecting to the session’s timer…</p>
      </section>
    );
  }
  const { phase, status } = state;
  const title = <p className="protocol-title">{state.protocolTitle}</p>;

  if (status === RunStatus.Done || !phase) {
    return (
      <section className={`protocol-card protocol-banner${flash ? ' is-flash' : ''}`} aria-label="Protocol">
        <div className="protocol-banner-text">
          {title}
          <h2 className="protocol-phase">Protocol complete</h2>
          <p className="protocol-status-line">Thank you — the run is over. The table stays open.</p>
        </div>
      </section>
    );
  }

  if (status === RunStatus.Lobby) {
    return (
      <section className="protocol-card protocol-banner" aria-label="Protocol">
        <div className="protocol-banner-text">
          {title}
          <h2 className="protocol-phase">Not started yet — the facilitator starts when the group is ready</h2>
          <p className="protocol-status-line">
            First: {phase.title} · {formatDuration(phase.remainingMs)} · {state.phaseCount} phases
          </p>
        </div>
      </section>
    );
  }

  const paused = status === RunStatus.Paused;
  const tone = paused ? 'calm' : timerTone(remainingMs, phase.over);
  return (
    <section className={`protocol-card protocol-banner is-${tone}${flash ? ' is-flash' : ''}`} aria-label="Current phase">
      <div className="protocol-banner-text">
        {title}
        <h2 className="protocol-phase">
          <span className="protocol-phase-step">
            {state.phaseIndex + 1} / {state.phaseCount} ·
          </span>{' '}
          {phase.title}
        </h2>
        {state.protocolRounds > 1 && state.protocolRound > 0 && (
          <p className="protocol-round">
            Round {state.protocolRound} of {state.protocolRounds}
          </p>
        )}
        {phase.prompt && <p className="protocol-prompt">{phase.prompt}</p>}
        <p className="protocol-speakers">
          <span className="muted">Who speaks:</span> <strong>{SPEAKERS_LABEL[phase.speakers]}</strong>
        </p>
        <FeedbackTypes phase={phase} />
        {phase.over && !paused && <p className="protocol-up-note">Time is up — waiting for the facilitator</p>}
      </div>
      <PhaseTimer remainingMs={remainingMs} durationMs={phase.durationMs} paused={paused} over={phase.over} />
    </section>
  );
}
