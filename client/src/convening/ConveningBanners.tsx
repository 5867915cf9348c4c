/**
 * The convening's messages above the canvas: the host's broadcast (role=alert), the table shown to
 * everyone, the table host's prompt to brief newcomers (role=status), and the polite announcements of moves and summons.
 */
import type { SessionView } from '../protocol/sessionView.js';
import { BroadcastBanner } from './BroadcastBanner.js';
import { ConveningAnnouncer } from './ConveningAnnouncer.js';
import { NewcomerBanner } from './NewcomerBanner.js';
import { SpotlightBanner } from './SpotlightBanner.js';
import { CallLinkBanner } from '../talk/CallLinkBanner.js';

/** Props of `ConveningBanners`. */
export interface ConveningBannersProps {
  sessionId: string;
  state: SessionView | null;
  me: string;
  nameOf: (participantId: string) => string;
  isHost: boolean;
}

/** All three; each shows only when it has something to say. */
export function ConveningBanners({ sessionId, state, me, nameOf, isHost }: ConveningBannersProps) {
  return (
    <>
      <ConveningAnnouncer state={state} me={me} />
      <BroadcastBanner sessionId={sessionId} broadcast={state?.broadcast ?? null} />
      {state && <SpotlightBanner state={state} isHost={isHost} />}
      {state && <CallLinkBanner state={state} />}
      {state && <NewcomerBanner state={state} me={me} nameOf={nameOf} />}
    </>
  );
}
