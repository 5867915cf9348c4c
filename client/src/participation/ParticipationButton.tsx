/** The header's "Participation" button, for everyone, opening the participation dialog. */
import { useState } from 'react';
import { useControlStore } from '../protocol/controlConnection.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';
import { ParticipationDialog } from './ParticipationDialog.js';

/** Props of `ParticipationButton`. */
export interface ParticipationButtonProps {
  sessionId: string;
  token: string;
  me: ProtocolMe;
}

/** Opens the participation view. */
export function ParticipationButton({ sessionId, token, me }: ParticipationButtonProps) {
  const [open, setOpen] = useState(false);
  const facilitating = useControlStore((s) => canRunControls(s.state, me));
  return (
    <>
      <button type="button" className="button ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Participation
      </button>
      <ParticipationDialog open={open} onClose={() => setOpen(false)} sessionId={sessionId} token={token} me={me.participantId} facilitating={facilitating} />
    </>
  );
}
