/**
 * The call to join where you are now, for groups on their own video platform: your table's link,
 * or the convening's (in the plenary, or when your table has none). It follows the seating: after
 * a reseat it is your new table's, and the change is announced.
 */
import { useEffect, useRef, useState } from 'react';
import { tableNameOf } from '../convening/place.js';
import './talk.css';
import type { SessionView } from '../protocol/sessionView.js';

/** Props of `CallLinkBanner`. */
export interface CallLinkBannerProps {
  state: SessionView;
}

/** "Table 3's call: Join" (nothing without a link). */
export function CallLinkBanner({ state }: CallLinkBannerProps) {
  const link = state.callLink;
  const where = link?.scope === 'table' && state.tableId ? `${tableNameOf(state, state.tableId)}’s call` : 'Everyone’s call';
  const said = useChangeAnnouncement(link?.url ?? null, link ? `${where} changed: join it with the link at the top of the page.` : null);
  if (!link) return null;
  return (
    <div className="call-link">
      <span>{where}</span>
      <a className="button secondary" href={link.url} target="_blank" rel="noopener noreferrer">
        Join the call
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </div>
  );
}

/** `text` when `value` changes after the first time (for the live region), else empty. */
function useChangeAnnouncement(value: string | null, text: string | null): string {
  const previous = useRef<string | null | undefined>(undefined);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== value && text) setSaid(text);
    previous.current = value;
  }, [value, text]);
  return said;
}
