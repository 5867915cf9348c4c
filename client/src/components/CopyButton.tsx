/**
 * A button that copies text it does not show (a personal link, every itinerary): "Copy", then
 * "✓ Copied" for a moment. When the browser refuses the clipboard, the text appears below it,
 * selected, to copy with Ctrl+C. The caller announces the copy (one live region per page, not
 * one per button).
 */
import { useEffect, useRef, useState } from 'react';
import { copyToClipboard } from './clipboard.js';

/** Props of `CopyButton`. */
export interface CopyButtonProps {
  /** What to copy (read when clicked). */
  text: string | (() => string);
  /** The visible label, e.g. "Copy link". */
  children: string;
  /** Whose or what, heard after the visible label by screen readers ("Copy link, Ana Alvarez"), where many buttons look alike. */
  forWhat?: string;
  className?: string;
  /** Copied: announce it. */
  onCopied?(): void;
}

type CopyState = 'idle' | 'copied' | 'manual';

/** How long "✓ Copied" stays on the button. */
const COPIED_MS = 2_500;

/** The Copy button. */
export function CopyButton({ text, children, forWhat, className = 'button secondary', onCopied }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [manualText, setManualText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), COPIED_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state !== 'manual') return;
    area.current?.focus();
    area.current?.select();
  }, [state]);

  const copy = async () => {
    const value = typeof text === 'function' ? text() : text;
    if (await copyToClipboard(value)) {
      setState('copied');
      onCopied?.();
    } else {
      setManualText(value);
      setState('manual');
    }
  };

  return (
    <>
      <button type="button" className={`${className}${state === 'copied' ? ' is-done' : ''}`} onClick={() => void copy()}>
        {state === 'copied' ? '✓ Copied' : children}
        {forWhat && <span className="visually-hidden">, {forWhat}</span>}
      </button>
      {state === 'manual' && (
        <span className="copy-manual">
          <textarea
            ref={area}
            readOnly
            rows={Math.min(6, manualText.split('\n').length)}
            value={manualText}
            aria-label="Text to copy"
            onBlur={() => setState('idle')}
          />
          <span className="hint">The browser did not allow copying: the text is selected, press Ctrl+C (⌘C on a Mac).</span>
        </span>
      )}
    </>
  );
}
