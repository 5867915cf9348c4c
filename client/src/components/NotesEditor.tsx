/**
 * The shared notes: a plain `<textarea>` bound to the `notes` Y.Text of the table document. Local
 * edits become one minimal splice each; remote edits replace the text and keep the caret where it
 * was relative to the surrounding text. The rich canvas replaces this in a later issue.
 */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { diffText, mapPosition } from '../session/textDiff.js';

/** Name of the Y.Text holding the shared notes. */
export const NOTES_TEXT = 'notes';

/** Props of `NotesEditor`. */
export interface NotesEditorProps {
  doc: Y.Doc;
  /** Observers can read but never type. */
  readOnly: boolean;
  /** False until the first sync, so nobody types into a text that is about to change under them. */
  ready: boolean;
  labelledBy: string;
  describedBy: string;
}

/** A textarea kept in sync with the shared notes. */
export function NotesEditor({ doc, readOnly, ready, labelledBy, describedBy }: NotesEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    const text = doc.getText(NOTES_TEXT);
    const localOrigin = Symbol('notes-editor');
    textarea.value = text.toString();

    const onInput = () => {
      const splice = diffText(text.toString(), textarea.value, textarea.selectionEnd);
      if (!splice) return;
      doc.transact(() => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      }, localOrigin);
    };
    const onRemoteChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === localOrigin) return;
      const focused = document.activeElement === textarea;
      const { selectionStart, selectionEnd, selectionDirection } = textarea;
      textarea.value = text.toString();
      if (focused) {
        textarea.setSelectionRange(
          mapPosition(selectionStart, event.delta),
          mapPosition(selectionEnd, event.delta),
          selectionDirection,
        );
      }
    };

    textarea.addEventListener('input', onInput);
    text.observe(onRemoteChange);
    return () => {
      textarea.removeEventListener('input', onInput);
      text.unobserve(onRemoteChange);
    };
  }, [doc]);

  return (
    <textarea
      ref={ref}
      className="notes"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-busy={!ready}
      readOnly={readOnly || !ready}
      placeholder={readOnly ? 'Nothing written yet.' : ready ? 'Write here. Everyone at the table sees it as you type.' : 'Loading the notes…'}
      spellCheck
      rows={14}
    />
  );
}
