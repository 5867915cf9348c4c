/** Asks for a link's URL (http or https only) and title, in a small modal dialog. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { safeHttpUrl } from '../artifacts/link/url.js';

/** Props of `LinkDialog`. */
export interface LinkDialogProps {
  open: boolean;
  onClose(): void;
  onSubmit(url: string, title: string): void;
}

/** The "Add a link" dialog. */
export function LinkDialog({ open, onClose, onSubmit }: LinkDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      dialog.querySelector('form')?.reset();
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = safeHttpUrl(String(data.get('url') ?? ''));
    if (!url) {
      setError('Enter a web address starting with http:// or https://.');
      return;
    }
    onSubmit(
      url,
      String(data.get('title') ?? '')
        .trim()
        .slice(0, 200),
    );
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Add a link</h2>
        <div className="field">
          <label htmlFor={`${id}-url`}>Web address</label>
          <input
            id={`${id}-url`}
            name="url"
            type="text"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>
            Title <span className="optional">(optional)</span>
          </label>
          <input id={`${id}-name`} name="title" type="text" maxLength={200} />
        </div>
        <div className="actions">
          <button type="submit" className="button primary">
            Add link
          </button>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
