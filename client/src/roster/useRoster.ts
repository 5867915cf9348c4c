/** The roster of the session the dashboard hosts: loaded from the server, replaced by each import. */
import { useCallback, useEffect, useState } from 'react';
import type { RosterView } from '@worktable/shared';
import { getRoster, userMessage } from '../api.js';

/** Loading, the roster, or why it could not be loaded. */
export type RosterLoad = { kind: 'loading' } | { kind: 'ready'; roster: RosterView } | { kind: 'error'; message: string };

/** What `useRoster` returns. */
export interface UseRoster {
  load: RosterLoad;
  /** Shows the roster an import returned. */
  replace(roster: RosterView): void;
  /** Loads it again (fresh links). */
  reload(): void;
}

/** Loads the roster with the host's token while mounted. */
export function useRoster(sessionId: string, token: string): UseRoster {
  const [load, setLoad] = useState<RosterLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt changing (reload) is the trigger to load again
  useEffect(() => {
    let cancelled = false;
    getRoster(sessionId, token).then(
      (roster) => !cancelled && setLoad({ kind: 'ready', roster }),
      (error: unknown) => !cancelled && setLoad({ kind: 'error', message: userMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, token, attempt]);
  const replace = useCallback((roster: RosterView) => setLoad({ kind: 'ready', roster }), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, replace, reload };
}
