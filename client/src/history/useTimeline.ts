/**
 * Whether the table page shows the table's timeline in the canvas's place: opened and closed
 * with the header's Timeline button, and shown only where it can be (see `useTimeline`).
 */
import { useCallback, useState } from 'react';

/** The timeline's place on the page. */
export interface TimelineToggle {
  /** The timeline shows now. */
  shown: boolean;
  toggle(): void;
  close(): void;
}

/** The timeline, shown when opened and `available` (a table's canvas is open on a large screen). */
export function useTimeline(available: boolean): TimelineToggle {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((wasOpen) => !wasOpen), []);
  const close = useCallback(() => setOpen(false), []);
  return { shown: open && available, toggle, close };
}
