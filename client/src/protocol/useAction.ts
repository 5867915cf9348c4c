/** Sending control actions from a component: one at a time, with the last refusal kept for display. */
import { useCallback, useState } from 'react';
import type { ControlAck, ControlAction } from '@worktable/shared';

/** Sends a control action and resolves with the server's ack. */
export type SendAction = (action: ControlAction) => Promise<ControlAck>;

/** What `useAction` returns (`A`: the actions it sends). */
export interface ActionRunner<A = ControlAction> {
  /** Sends `action`; resolves true when the server applied it. */
  run(action: A): Promise<boolean>;
  /** Whether an action waits for its ack. */
  busy: boolean;
  /** The last refusal's message, cleared by the next action. */
  error: string | null;
  clearError(): void;
}

/** Wraps `send` with a busy flag and the last error message. */
export function useAction<A = ControlAction>(send: (action: A) => Promise<ControlAck>): ActionRunner<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: A) => {
      setBusy(true);
      setError(null);
      try {
        const ack = await send(action);
        if (!ack.ok) setError(ack.error.message);
        return ack.ok;
      } finally {
        setBusy(false);
      }
    },
    [send],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
