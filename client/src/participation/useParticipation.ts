/**
 * The participation rows while the view is open: loaded when it opens, again every 30 seconds
 * and on demand; a failure keeps the last rows and says what went wrong.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getParticipation, userMessage, type ParticipationResponse } from '../api.js';

/** How often an open participation view reloads. */
export const PARTICIPATION_REFRESH_MS = 30_000;

/** What the view shows. */
export interface ParticipationData {
  data: ParticipationResponse | null;
  /** When the rows shown were loaded (epoch ms), or null. */
  loadedAt: number | null;
  loading: boolean;
  error: string | null;
  refresh(): void;
}

/** Loads participation while `open`. */
export function useParticipation(sessionId: string, token: string, open: boolean): ParticipationData {
  const [data, setData] = useState<ParticipationResponse | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setLoading(true);
    getParticipation(sessionId, token).then(
      (answer) => {
        if (request !== latest.current) return;
        setData(answer);
        setLoadedAt(Date.now());
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(`Participation could not be loaded: ${userMessage(failure)}`);
        setLoading(false);
      },
    );
  }, [sessionId, token]);

  useEffect(() => {
    if (!open) return;
    refresh();
    const timer = window.setInterval(refresh, PARTICIPATION_REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      // Answers still on their way are dropped.
      latest.current++;
      setLoading(false);
    };
  }, [open, refresh]);

  return { data, loadedAt, loading, error, refresh };
}
