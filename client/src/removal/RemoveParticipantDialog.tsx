/**
 * The host confirms removing someone: a modal dialog that says what happens, with Cancel focused
 * first (the safe choice). Remove calls the API; a failure stays in the dialog with what to do.
 * Escape or Cancel closes it without removing anyone.
 */
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { ParticipantView } from '@worktable/shared';
import { removeParticipant } from '../api.js';
import { removalOutcome, removeQuestion, REMOVE_CONSEQUENCES } from './removalText.js';
import './removal.css';

/** Props of `RemoveParticipantDialog`. */
export interface RemoveParticipantDialogProps {
  sessionId: string;
  /** The host's bearer token. */
  token: string;
  participant: ParticipantView;
  /** They are out of the session (`message` says so, for the live region). */
  onRemoved(participantId: string, message: string): void;
  /** Closed without removing anyone. */
  onCancel(): void;
}

/** The Remove confirmation. */
export function RemoveParticipantDialog({ sessionId, token, participant, onRemoved, onCancel }: RemoveParticipantDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    mounted.current = true;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      mounted.current = false;
      dialog?.close();
    };
  }, []);

  const remove = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    removeParticipant(sessionId, participant.participantId, token).then(
      () => onRemoved(participant.participantId, removalOutcome(participant.name, null).message),
      (caught: unknown) => {
        const outcome = removalOutcome(participant.name, caught);
        if (outcome.kind === 'removed') onRemoved(participant.participantId, outcome.message);
        else if (mounted.current) {
          setError(outcome.message);
          setBusy(false);
        }
      },
    );
  };

  // Escape: close through React, so the dialog unmounts with its state.
  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!busy) onCancel();
  };

  return (
    <dialog ref={ref} className="dialog removal-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`} onCancel={cancel}>
      <div className="form">
        <h2 id={`${id}-title`}>{removeQuestion(participant.name)}</h2>
        <p id={`${id}-what`}>{REMOVE_CONSEQUENCES}</p>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button danger" disabled={busy} onClick={remove}>
            {busy ? 'Removing…' : `Remove ${participant.name}`}
          </button>
          <button ref={cancelRef} type="button" className="button ghost" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
