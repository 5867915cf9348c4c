/**
 * `/s/:sessionId/room`: the room display, for a projector. The host opens it from the dashboard
 * (a window of its own, with this browser's host identity); anyone else gets a way back.
 */
import { HostOnlyPage, type HostOnlyWords } from '../dashboard/HostOnlyPage.js';
import { RoomDisplay } from './RoomDisplay.js';

/** Props of `RoomPage`. */
export interface RoomPageProps {
  sessionId: string;
}

const WORDS: HostOnlyWords = {
  opening: 'Opening the room display…',
  noIdentity: {
    title: 'Only the host opens the room display',
    lead: 'This browser is not the host of this session. Open the host link you got when you created the session, then open the room display from the host dashboard.',
  },
  notHost: {
    title: 'Only the host opens the room display',
    lead: 'The room display is what the host projects for everyone in the room. Your place is at your table.',
  },
  failed: 'Could not open the room display',
};

/** The room page: the host's identity, then the display. */
export function RoomPage({ sessionId }: RoomPageProps) {
  return (
    <HostOnlyPage sessionId={sessionId} words={WORDS}>
      {({ view, identity }) => <RoomDisplay sessionId={sessionId} initialView={view} identity={identity} />}
    </HostOnlyPage>
  );
}
