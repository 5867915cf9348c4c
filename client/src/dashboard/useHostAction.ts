/**
 * One dashboard control's action: sends it, keeps the control busy until the ack, keeps the
 * refusal's message for a `role="alert"`, and announces what happened on success.
 */
import { useCallback, useState } from 'react';
import type { SessionAction, SessionState } from '@worktable/shared';
import { useDashboardContext } from './DashboardContext.js';

/** What to announce after an action succeeded. */
export type Done = string | ((state: SessionState) => string);

/** What `useHostAction` returns. */
export interface HostAction {
  /**
   * Sends `action`; on success announces `done` (when given; a function gets the state the ack
   * carries). Resolves true when the server applied it.
   */
  run(action: SessionAction, done?: Done): Promise<boolean>;
  /** Whether an action of this control waits for its ack. */
  busy: boolean;
  /** The last refusal's message (it says what to do), cleared by the next action. */
  error: string | null;
  clearError(): void;
}

/** A control's action runner: its own busy flag and error, the dashboard's connection and live region. */
export function useHostAction(): HostAction {
  const { send, announce } = useDashboardContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: SessionAction, done?: Done) => {
      setBusy(true);
      setError(null);
      try {
        const ack = await send(action);
        if (!ack.ok) setError(ack.error.message);
        else if (done) announce(typeof done === 'string' ? done : done(ack.state));
        return ack.ok;
      } finally {
        setBusy(false);
      }
    },
    [send, announce],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
