/**
 * The sidebar's "Participants" card: everyone who joined, and for the host a Remove button per
 * other person, confirmed in a dialog. The outcome is said in a polite live region (and shown
 * under the heading); focus returns to the heading once the person's row is gone.
 */
import { useId, useRef, useState } from 'react';
import type { ParticipantView } from '@worktable/shared';
import { lazyPart } from '../components/Loading.js';
import { ParticipantList } from '../components/People.js';
import { useFocusAfterClose } from './useFocusAfterClose.js';

// The host's confirmation loads when it is asked for.
const RemoveParticipantDialog = lazyPart(() => import('./RemoveParticipantDialog.js').then((m) => m.RemoveParticipantDialog));

/** What the host needs to remove people. */
export interface ParticipantRemoval {
  sessionId: string;
  /** The host's bearer token. */
  token: string;
  /** Someone is out of the session: drop them from the list. */
  onRemoved(participantId: string): void;
}

/** Props of `ParticipantsCard`. */
export interface ParticipantsCardProps {
  participants: readonly ParticipantView[];
  youId: string;
  /** Participant ids connected right now. */
  online: ReadonlySet<string>;
  /** Only for the host: enables Remove. */
  removal?: ParticipantRemoval;
}

/** The card. */
export function ParticipantsCard({ participants, youId, online, removal }: ParticipantsCardProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<ParticipantView | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusAfterClose = useFocusAfterClose(confirming !== null);

  const ask = (participant: ParticipantView) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaid(null);
    setConfirming(participant);
  };
  const cancel = () => {
    focusAfterClose(opener.current);
    setConfirming(null);
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Participants <span className="count">{participants.length}</span>
      </h2>
      <div className="removal-status" role="status" aria-live="polite" aria-atomic="true">
        {said && <p className="removal-said">{said}</p>}
      </div>
      <ParticipantList participants={participants} youId={youId} online={online} onRemove={removal ? ask : undefined} />
      {removal && confirming && (
        <RemoveParticipantDialog
          sessionId={removal.sessionId}
          token={removal.token}
          participant={confirming}
          onCancel={cancel}
          onRemoved={(participantId, message) => {
            focusAfterClose(heading.current);
            setConfirming(null);
            removal.onRemoved(participantId);
            setSaid(message);
          }}
        />
      )}
    </section>
  );
}
