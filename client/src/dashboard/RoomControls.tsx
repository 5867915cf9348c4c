/** The room group of the control bar: the invite's QR code (and "Show big") and "Open room display" for the projector. */
import { useId } from 'react';
import { InviteQr } from '../invite/InviteQr.js';
import { OpenRoomDisplayLink } from '../room/OpenRoomDisplayLink.js';
import { useDashboardContext } from './DashboardContext.js';

/** The room group. */
export function RoomControls() {
  const id = useId();
  const { sessionId, inviteUrl } = useDashboardContext();
  return (
    <div className="dash-group dash-room" role="group" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        In the room
      </h2>
      <div className="dash-room-row">
        {inviteUrl && <InviteQr url={inviteUrl} />}
        <OpenRoomDisplayLink sessionId={sessionId} />
      </div>
      {!inviteUrl && (
        <p className="hint dash-narrow">This browser does not know the invite code: open the host link once to show its QR code here.</p>
      )}
    </div>
  );
}
