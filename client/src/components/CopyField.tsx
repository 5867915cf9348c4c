/** A read-only link with a Copy button that confirms visibly and falls back to selecting the text. */
import { useEffect, useId, useRef, useState } from 'react';
import { copyToClipboard } from './clipboard.js';

/** Props of `CopyField`. */
export interface CopyFieldProps {
  label: string;
  value: string;
  /** One sentence under the label: who the link is for. */
  description?: string;
}

type CopyState = 'idle' | 'copied' | 'manual';

/** A labelled read-only field with its own Copy button. */
export function CopyField({ label, value, description }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), state === 'copied' ? 2500 : 8000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    if (await copyToClipboard(value)) {
      setState('copied');
      return;
    }
    // No clipboard access (insecure origin, denied permission): select the text for Ctrl+C.
    inputRef.current?.focus();
    inputRef.current?.select();
    setState('manual');
  };

  return (
    <div className="copy-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      {description && (
        <p className="hint" id={`${id}-hint`}>
          {description}
        </p>
      )}
      <div className="copy-row">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={description ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={state === 'copied' ? 'button secondary is-done' : 'button secondary'}
          aria-label={`${state === 'copied' ? 'Copied' : 'Copy'} ${label.toLowerCase()}`}
          onClick={() => void copy()}
        >
          {state === 'copied' ? '✓ Copied' : 'Copy'}
        </button>
      </div>
      <p className={state === 'manual' ? 'copy-status' : 'copy-status visually-hidden'} role="status">
        {state === 'copied' && `${label} copied to the clipboard.`}
        {state === 'manual' && 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.'}
      </p>
    </div>
  );
}
