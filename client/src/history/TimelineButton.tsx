/** The session header's "Timeline" toggle; focus comes back to it when the timeline closes. */
import { useEffect, useRef } from 'react';

/** Props of `TimelineButton`. */
export interface TimelineButtonProps {
  open: boolean;
  onToggle(): void;
}

/** Opens and closes the timeline of the open table. */
export function TimelineButton({ open, onToggle }: TimelineButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <button ref={ref} type="button" className={open ? 'button secondary' : 'button ghost'} aria-pressed={open} onClick={onToggle}>
      Timeline
    </button>
  );
}
