/** The header's "Participation" button, for everyone, opening the participation dialog. */
import { useState } from 'react';
import { lazyPart, useShownOnce } from '../components/Loading.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';

// The participation view loads the first time it opens.
const ParticipationDialog = lazyPart(() => import('./ParticipationDialog.js').then((m) => m.ParticipationDialog));

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
  const mounted = useShownOnce(open);
  return (
    <>
      <button type="button" className="button ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Participation
      </button>
      {mounted && (
        <ParticipationDialog
          open={open}
          onClose={() => setOpen(false)}
          sessionId={sessionId}
          token={token}
          me={me.participantId}
          facilitating={facilitating}
        />
      )}
    </>
  );
}
