/**
 * The phase banner everyone sees: protocol, "3 / 8 · Clarifying questions" (and the round with
 * its question in a convening), the prompt, who speaks, which feedback is open, and the countdown
 * ring. Lobby, paused, over and done each have their own line, which in a convening says where
 * the agenda goes next.
 */
import { RunStatus, type SessionState } from '@worktable/shared';
import { formatDuration, timerTone } from './clock.js';
import { agendaMoment } from './agendaMoment.js';
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
  /**
   * One row with a small ring, for the top of a sectioned side panel: the round's question, the
   * prompt and the open feedback are left to `PhaseDetails` in the Phase section.
   */
  compact?: boolean;
}

/** What the current phase asks of the group: the round's question, the prompt, the open feedback. */
export function PhaseDetails({ state }: { state: SessionState }) {
  const { phase, status } = state;
  if (!phase || status === RunStatus.Lobby || status === RunStatus.Done) return null;
  const moment = agendaMoment(state);
  return (
    <section className="protocol-details" aria-label="What this phase asks">
      {moment.question && <p className="protocol-question">{moment.question}</p>}
      {phase.prompt && <p className="protocol-prompt">{phase.prompt}</p>}
      <FeedbackTypes phase={phase} />
    </section>
  );
}

/** Shows where the group is in the protocol and how much time is left. */
export function PhaseBanner({ state, remainingMs, flash = false, compact = false }: PhaseBannerProps) {
  if (!state) {
    return (
      <section className="protocol-card protocol-banner" aria-label="Protocol">
        <p className="protocol-status-line">Connecting to the session’s timer…</p>
      </section>
    );
  }
  const { phase, status } = state;
  const title = <p className="protocol-title">{state.protocolTitle}</p>;
  const moment = agendaMoment(state);
  const question = moment.question && <p className="protocol-question">{moment.question}</p>;

  if (status === RunStatus.Done || !phase) {
    return (
      <section className={`protocol-card protocol-banner${flash ? ' is-flash' : ''}`} aria-label="Protocol">
        <div className="protocol-banner-text">
          {title}
          <h2 className="protocol-phase">{moment.doneTitle}</h2>
          <p className="protocol-status-line">{moment.doneLine}</p>
        </div>
      </section>
    );
  }

  if (status === RunStatus.Lobby) {
    return (
      <section className="protocol-card protocol-banner" aria-label="Protocol">
        <div className="protocol-banner-text">
          {title}
          <h2 className="protocol-phase">{moment.lobbyTitle}</h2>
          {question}
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
    <section
      className={`protocol-card protocol-banner is-${tone}${flash ? ' is-flash' : ''}${compact ? ' is-compact' : ''}`}
      aria-label="Current phase"
    >
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
            {moment.where && ` · ${moment.where}`}
          </p>
        )}
        {!compact && question}
        {!compact && phase.prompt && <p className="protocol-prompt">{phase.prompt}</p>}
        <p className="protocol-speakers">
          <span className="muted">Who speaks:</span> <strong>{SPEAKERS_LABEL[phase.speakers]}</strong>
        </p>
        {!compact && <FeedbackTypes phase={phase} />}
        {phase.over && !paused && <p className="protocol-up-note">Time is up — waiting for {moment.waitsFor}</p>}
      </div>
      <PhaseTimer remainingMs={remainingMs} durationMs={phase.durationMs} paused={paused} over={phase.over} />
    </section>
  );
}
