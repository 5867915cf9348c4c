/**
 * The session as the API described it (title, you, participants), kept current: when someone the
 * page has not met shows up (on the table, in the seating) the participant list is fetched again,
 * once per unknown participant, so their name can be shown.
 */
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { SessionView } from '@worktable/shared';
import { getSession } from '../api.js';

/** The view starting from `initial`, refreshed when `seen` names a participant it lacks; and its setter. */
export function useSessionView(
  sessionId: string,
  token: string,
  initial: SessionView,
  seen: readonly string[],
): [SessionView, Dispatch<SetStateAction<SessionView>>] {
  const [view, setView] = useState(initial);
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    const known = new Set(view.participants.map((p) => p.participantId));
    const unknown = seen.filter((id) => id && !known.has(id) && !asked.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) asked.current.add(id);
    getSession(sessionId, token).then(
      (fresh) => mounted.current && setView(fresh),
      () => undefined,
    );
  }, [seen, view.participants, sessionId, token]);
  return [view, setView];
}
