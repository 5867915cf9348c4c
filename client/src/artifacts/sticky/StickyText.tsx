/**
 * A `<textarea>` bound to a sticky's Y.Text: each local edit is one minimal splice (an undoable
 * local transaction); remote edits replace the value and keep the caret where it was.
 */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { MAX_STICKY_LENGTH } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import { diffText, mapPosition } from '../../session/textDiff.js';

/** Props of `StickyText`. */
export interface StickyTextProps {
  doc: Y.Doc;
  text: Y.Text;
  readOnly: boolean;
  label: string;
  /** Shown while empty (not when read-only); "Write a note…" by default. */
  placeholder?: string;
  /** Extra classes beside `sticky-text`. */
  className?: string;
}

/** The editable text of a sticky note. */
export function StickyText({ doc, text, readOnly, label, placeholder = 'Write a note…', className = '' }: StickyTextProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.value = text.toString();
    const onInput = () => {
      const value = textarea.value.slice(0, MAX_STICKY_LENGTH);
      const splice = diffText(text.toString(), value, Math.min(textarea.selectionEnd, value.length));
      if (!splice) return;
      editLocally(doc, () => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      });
    };
    const onChange = (event: Y.YTextEvent) => {
      const value = text.toString();
      if (textarea.value === value) return;
      const focused = document.activeElement === textarea;
      const { selectionStart, selectionEnd, selectionDirection } = textarea;
      textarea.value = value;
      if (focused) {
        textarea.setSelectionRange(mapPosition(selectionStart, event.delta), mapPosition(selectionEnd, event.delta), selectionDirection);
      }
    };
    textarea.addEventListener('input', onInput);
    text.observe(onChange);
    return () => {
      textarea.removeEventListener('input', onInput);
      text.unobserve(onChange);
    };
  }, [doc, text]);
  return (
    <textarea
      ref={ref}
      className={className ? `sticky-text ${className}` : 'sticky-text'}
      aria-label={label}
      readOnly={readOnly}
      maxLength={MAX_STICKY_LENGTH}
      placeholder={readOnly ? '' : placeholder}
      spellCheck
    />
  );
}
