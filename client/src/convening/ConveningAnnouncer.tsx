/** A polite live region that announces moves between tables, new rounds and the summons. */
import type { SessionView } from '../protocol/sessionView.js';
import { useConveningAnnouncer } from './useConveningAnnouncer.js';

/** Props of `ConveningAnnouncer`. */
export interface ConveningAnnouncerProps {
  state: SessionView | null;
  /** The viewer's participant id. */
  me: string;
}

/** Renders nothing visible; screen readers hear "You moved to Table 3 for round 2." and the like. */
export function ConveningAnnouncer({ state, me }: ConveningAnnouncerProps) {
  const announcement = useConveningAnnouncer(state, me);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="convening-announcer">
      {announcement && <p key={announcement.id}>{announcement.text}</p>}
    </div>
  );
}
