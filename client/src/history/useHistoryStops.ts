/**
 * The timeline's stops for the open table, fetched when the timeline opens and again whenever
 * the run moves on (a phase that ends adds a snapshot).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listHistory, userMessage } from '../api.js';
import { buildStops, type TimelineStop } from './stops.js';

/** The list as it loads. */
export type StopsLoad = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; stops: TimelineStop[] };

/** How long after the run moves on the list is fetched again (the server keeps the snapshot as the phase ends). */
const REFRESH_DELAY_MS = 400;

/** The stops of `docName`; `runKey` changes when the run moves on; `retry` fetches again after an error. */
export function useHistoryStops(sessionId: string, token: string, docName: string, runKey: string): { load: StopsLoad; retry(): void } {
  const [load, setLoad] = useState<StopsLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const opened = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runKey changing (the run moved on) is the trigger to fetch again
  useEffect(() => {
    let cancelled = false;
    const delay = opened.current ? REFRESH_DELAY_MS : 0;
    opened.current = true;
    const timer = setTimeout(() => {
      listHistory(sessionId, token, docName).then(
        (snapshots) => !cancelled && setLoad({ kind: 'ready', stops: buildStops(snapshots, docName) }),
        // A failed refresh keeps the stops already shown.
        (error: unknown) =>
          !cancelled && setLoad((previous) => (previous.kind === 'ready' ? previous : { kind: 'error', message: userMessage(error) })),
      );
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sessionId, token, docName, runKey, attempt]);

  const retry = useCallback(() => {
    setLoad({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { load, retry };
}
