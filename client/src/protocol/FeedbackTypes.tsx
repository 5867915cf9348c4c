/** The feedback types open in this phase (chips) and the closed ones with their reason (disclosure). */
import { closedFeedback, FEEDBACK_TYPE_INFO, type WirePhase } from '@worktable/shared';

/** Props of `FeedbackTypes`. */
export interface FeedbackTypesProps {
  phase: WirePhase;
}

/** Open feedback types as chips; closed ones listed in a small "Closed now" disclosure. */
export function FeedbackTypes({ phase }: FeedbackTypesProps) {
  const closed = closedFeedback(phase);
  return (
    <div className="protocol-feedback">
      <span>{phase.feedback.length > 0 ? 'Feedback open:' : 'No feedback in this phase.'}</span>
      {phase.feedback.map((type) => (
        <span key={type} className="protocol-chip" title={FEEDBACK_TYPE_INFO[type].hint}>
          {FEEDBACK_TYPE_INFO[type].label}
        </span>
      ))}
      {closed.length > 0 && (
        <details className="protocol-closed">
          <summary>Closed now ({closed.length})</summary>
          <ul>
            {closed.map(({ type, reason }) => (
              <li key={type} title={reason}>
                {FEEDBACK_TYPE_INFO[type].label} — {reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
