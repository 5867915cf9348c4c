/** The host's latest broadcast at the top of every page, announced (role=alert) and dismissable. */
import { useState } from 'react';
import type { Broadcast } from '@worktable/shared';
import { broadcastToShow, readDismissedBroadcast, rememberDismissedBroadcast } from './broadcast.js';
import './convening.css';

/** Props of `BroadcastBanner`. */
export interface BroadcastBannerProps {
  sessionId: string;
  broadcast: Broadcast | null;
}

/** "From the host: …" until dismissed; a newer broadcast shows again. */
export function BroadcastBanner({ sessionId, broadcast }: BroadcastBannerProps) {
  const [dismissed, setDismissed] = useState(() => readDismissedBroadcast(window.sessionStorage, sessionId));
  const shown = broadcastToShow(broadcast, dismissed);
  if (!shown) return null;
  const dismiss = () => {
    rememberDismissedBroadcast(window.sessionStorage, sessionId, shown.id);
    setDismissed(shown.id);
  };
  return (
    <div key={shown.id} className="banner banner-broadcast" role="alert">
      <p>
        <strong>From the host:</strong> {shown.message}
      </p>
      <button type="button" className="button ghost banner-dismiss" onClick={dismiss} aria-label="Dismiss the host’s message">
        Dismiss
      </button>
    </div>
  );
}
