import { sendControl } from '../protocol/controlConnection.js';
import { tableNameOf } from './place.js';
import type { SessionView } from '../protocol/sessionView.js';

/** Props of `SpotlightBanner`. */
export interface SpotlightBannerProps {
  state: SessionView;
  isHost: boolean;
}

/** "Everyone is looking at Table 3" (nothing when no table is shown). */
export function SpotlightBanner({ state, isHost }: SpotlightBannerProps) {
  if (!state.spotlight) return null;
  const name = tableNameOf(state, state.spotlight);
  return (
    <div className="banner banner-spotlight">
      <p>
        <strong>Everyone is looking at {name}.</strong>{' '}
        {isHost ? 'You brought everyone here.' : 'The host brought everyone here; you go back when they are done.'}
      </p>
      {isHost && (
        <button
          type="button"
          className="button ghost banner-dismiss"
          onClick={() => void sendControl({ action: 'spotlight', tableId: null })}
        >
          Send everyone back
        </button>
      )}
    </div>
  );
}
