/** What the live region says when the convening moves the viewer (see `conveningAnnouncement`). */
import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '@worktable/shared';
import { conveningAnnouncement, type PlaceState } from './place.js';

/** One announcement; `id` grows so the same words are announced again. */
export interface ConveningAnnouncement {
  id: number;
  text: string;
}

/** Compares successive states and returns the latest announcement. */
export function useConveningAnnouncer(state: SessionState | null): ConveningAnnouncement | null {
  const previous = useRef<PlaceState | null>(null);
  const counter = useRef(0);
  const [announcement, setAnnouncement] = useState<ConveningAnnouncement | null>(null);
  useEffect(() => {
    if (!state) return;
    const text = conveningAnnouncement(previous.current, state);
    previous.current = state;
    if (text) setAnnouncement({ id: ++counter.current, text });
  }, [state]);
  return announcement;
}
