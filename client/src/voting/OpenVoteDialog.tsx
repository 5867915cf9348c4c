/**
 * "Dot vote on N selected": a small modal dialog asking the vote's title, dots per person
 * (default 3) and the most on one item (default 2); sends `openVote` on the selected items.
 * Problems show next to their field; the server's refusal in a `role="alert"`.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_VOTE_DOTS, type SessionAction } from '@worktable/shared';
import type * as Y from 'yjs';
import { NumberInput } from '../protocolEditor/NumberInput.js';
import { useCanvasTitles } from './useCanvasTitles.js';
import { DEFAULT_VOTE_FORM, MAX_VOTE_TITLE, openVoteAction, voteFormProblems, type VoteFormValues } from './voteForm.js';

/** Props of `OpenVoteDialog`. */
export interface OpenVoteDialogProps {
  open: boolean;
  /** The selected artifact ids to vote on. */
  items: readonly string[];
  /** The table's document, to name the items (absent: only their count is shown). */
  doc?: Y.Doc | null;
  /** Sends the action; resolves true when the server opened the vote. */
  run(action: SessionAction): Promise<boolean>;
  busy: boolean;
  /** The server's last refusal, if any. */
  error: string | null;
  onClose(): void;
}

/** The items the vote will be on, by name, so nobody opens it on the wrong ones. */
function ItemNames({ doc, items }: { doc: Y.Doc; items: readonly string[] }) {
  const titleOf = useCanvasTitles(doc);
  if (items.length === 0) return null;
  return (
    <ul className="vote-dialog-items" aria-label="Items in the vote">
      {items.map((item) => (
        <li key={item}>{titleOf(item)}</li>
      ))}
    </ul>
  );
}

/** The dialog that opens a dot vote. */
export function OpenVoteDialog({ open, items, doc = null, run, busy, error, onClose }: OpenVoteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [values, setValues] = useState<VoteFormValues>(DEFAULT_VOTE_FORM);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValues(DEFAULT_VOTE_FORM);
      setTried(false);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  const problems = voteFormProblems(values, items.length);
  const shown = tried ? problems : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0 || busy) {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    void run(openVoteAction(values, items)).then((opened) => {
      if (opened) onClose();
    });
  };
  const field = (key: 'dots' | 'maxPerItem', label: string, max: number) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <NumberInput
        id={`${id}-${key}`}
        min={1}
        max={max}
        step={1}
        value={values[key]}
        onValue={(n) => setValues((v) => ({ ...v, [key]: n }))}
        aria-invalid={shown[key] ? true : undefined}
        aria-describedby={shown[key] ? `${id}-${key}-error` : undefined}
      />
      {shown[key] && (
        <p className="field-error" id={`${id}-${key}-error`} role="alert">
          {shown[key]}
        </p>
      )}
    </div>
  );

  return (
    <dialog ref={ref} className="dialog vote-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Dot vote on {items.length === 1 ? '1 item' : `${items.length} items`}</h2>
        {doc && <ItemNames doc={doc} items={items} />}
        <p className="hint">Everyone at the table places their dots; nobody sees anyone else’s until you reveal the results.</p>
        {shown.items && (
          <p className="field-error" role="alert">
            {shown.items}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>
            Question <span className="optional">(optional)</span>
          </label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={MAX_VOTE_TITLE}
            placeholder="Which should we work on first?"
            value={values.title}
            onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
          />
        </div>
        <div className="field-pair">
          {field('dots', 'Dots per person', MAX_VOTE_DOTS)}
          {field('maxPerItem', 'Most dots on one item', MAX_VOTE_DOTS)}
        </div>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {busy ? 'Opening…' : 'Open the vote'}
          </button>
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
