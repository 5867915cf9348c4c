/**
 * Watches the run as it ticks and reports what to announce (see `announcementFor`) and when a
 * phase ends (see `isPhaseEnd`, for the chime and the banner highlight).
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { announcementFor, isPhaseEnd } from './announce.js';
import { withRemaining } from './clock.js';

/** One announcement; `id` grows so the live region re-announces the same words. */
export interface Announcement {
  id: number;
  text: string;
}

/**
 * Compares successive snapshots (state + local time left) and returns the latest announcement;
 * calls `onPhaseEnd` when a phase ends.
 */
export function useAnnouncer(state: SessionState | null, remainingMs: number, me: string, onPhaseEnd: () => void): Announcement | null {
  const previous = useRef<SessionState | null>(null);
  const counter = useRef(0);
  const endRef = useRef(onPhaseEnd);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  endRef.current = onPhaseEnd;

  useEffect(() => {
    if (!state) {
      previous.current = null;
      return;
    }
    const snapshot = withRemaining(state, remainingMs);
    const text = announcementFor(previous.current, snapshot, me);
    if (isPhaseEnd(previous.current, snapshot)) endRef.current();
    previous.current = snapshot;
    if (text) setAnnouncement({ id: ++counter.current, text });
  }, [state, remainingMs, me]);

  return announcement;
}
