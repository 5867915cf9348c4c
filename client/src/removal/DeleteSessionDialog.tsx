/**
 * The host confirms deleting the session by typing its title: the dialog says what is deleted
 * (documents, uploads, history, every link, for everyone, for good) and suggests exporting the
 * record first. A wrong title or a failed call is said next to the field or in an alert.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import { deleteSession } from '../api.js';
import { DELETE_CONSEQUENCES, DELETE_EXPORT_HINT, deleteFailure, titleConfirmed, titleMismatch } from './removalText.js';
import './removal.css';

/** Props of `DeleteSessionDialog`. */
export interface DeleteSessionDialogProps {
  sessionId: string;
  title: string;
  /** The host's bearer token. */
  token: string;
  /** The session is gone. */
  onDeleted(): void;
  /** Closed without deleting. */
  onCancel(): void;
}

/** The Delete session confirmation. */
export function DeleteSessionDialog({ sessionId, title, token, onDeleted, onCancel }: DeleteSessionDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    input.current?.focus();
    return () => {
      mounted.current = false;
      dialog?.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!titleConfirmed(typed, title)) {
      setFieldError(titleMismatch(typed, title));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    setError(null);
    setBusy(true);
    deleteSession(sessionId, token).then(onDeleted, (caught: unknown) => {
      if (!mounted.current) return;
      setError(deleteFailure(caught));
      setBusy(false);
    });
  };

  // Escape: close through React, so the dialog unmounts with its state.
  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!busy) onCancel();
  };

  const described = [`${id}-hint`, fieldError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <dialog ref={ref} className="dialog removal-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`} onCancel={cancel}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Delete this session?</h2>
        <p id={`${id}-what`}>
          You are about to delete <strong>{title}</strong>. {DELETE_CONSEQUENCES}
        </p>
        <p className="hint">{DELETE_EXPORT_HINT}</p>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>Type the session title to confirm</label>
          <input
            ref={input}
            id={`${id}-confirm`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={described}
          />
          <p className="hint" id={`${id}-hint`}>
            The title is: {title}
          </p>
          {fieldError && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {fieldError}
            </p>
          )}
        </div>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button danger" disabled={busy}>
            {busy ? 'Deleting…' : 'Delete session for everyone'}
          </button>
          <button type="button" className="button ghost" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
