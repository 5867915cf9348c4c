/** What the live region says when the convening moves the viewer (see `conveningAnnouncement`). */
import { useEffect, useRef, useState } from 'react';
import { conveningAnnouncement, ownPlace, type PlaceState } from './place.js';
import type { SessionView } from '../protocol/sessionView.js';

/** One announcement; `id` grows so the same words are announced again. */
export interface ConveningAnnouncement {
  id: number;
  text: string;
}

/** Compares successive states (as they concern `me`'s own seat, not a table the host visits) and returns the latest announcement. */
export function useConveningAnnouncer(state: SessionView | null, me: string): ConveningAnnouncement | null {
  const previous = useRef<PlaceState | null>(null);
  const counter = useRef(0);
  const [announcement, setAnnouncement] = useState<ConveningAnnouncement | null>(null);
  useEffect(() => {
    if (!state) return;
    const place = ownPlace(state, me);
    const text = conveningAnnouncement(previous.current, place);
    previous.current = place;
    if (text) setAnnouncement({ id: ++counter.current, text });
  }, [state, me]);
  return announcement;
}
