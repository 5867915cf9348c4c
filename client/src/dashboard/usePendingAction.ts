/** A group of buttons sharing one action runner, remembering which button waits for its ack. */
import { useCallback, useState } from 'react';
import type { SessionAction } from '@worktable/shared';
import { useHostAction, type Done, type HostAction } from './useHostAction.js';

/** What `usePendingAction` returns: the group's runner and the key of the button in flight. */
export interface PendingAction extends Pick<HostAction, 'busy' | 'error'> {
  /** The button whose action waits for its ack, or null. */
  pending: string | null;
  /** Runs `action` for button `key`. */
  runFor(key: string, action: SessionAction, done?: Done): Promise<boolean>;
}

/** One runner for a group of buttons (one busy state and one alert for the group). */
export function usePendingAction(): PendingAction {
  const { run, busy, error } = useHostAction();
  const [pending, setPending] = useState<string | null>(null);
  const runFor = useCallback(
    async (key: string, action: SessionAction, done?: Done) => {
      setPending(key);
      try {
        return await run(action, done);
      } finally {
        setPending(null);
      }
    },
    [run],
  );
  return { busy, error, pending, runFor };
}
