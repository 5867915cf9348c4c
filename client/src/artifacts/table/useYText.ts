/**
 * Binds an `<input>` to a Y.Text: each local edit becomes one minimal splice (see textDiff.ts),
 * and a remote change (or an undo) rewrites the value while keeping the caret where it was
 * relative to the surrounding text.
 */
import { useEffect, type RefObject } from 'react';
import type * as Y from 'yjs';
import { diffText, mapPosition } from '../../session/textDiff.js';
import { editLocally } from '../../canvas/tableModel.js';

/**
 * Keeps `ref`'s input and `text` in sync while both exist. `maxLength` bounds what a local edit
 * may grow the text to (the input's own `maxLength` does the same for typing).
 */
export function useYTextInput(ref: RefObject<HTMLInputElement | null>, text: Y.Text | null, maxLength: number): void {
  useEffect(() => {
    const input = ref.current;
    if (!input || !text) return;
    const doc = text.doc;
    input.value = text.toString();

    const onInput = () => {
      const before = text.toString();
      let after = input.value.replace(/[\r\n]+/g, ' ');
      if (after.length > maxLength && after.length > before.length) after = after.slice(0, Math.max(maxLength, before.length));
      const splice = diffText(before, after, input.selectionEnd ?? after.length);
      if (!splice) return;
      const write = () => {
        if (splice.remove > 0) text.delete(splice.index, splice.remove);
        if (splice.insert) text.insert(splice.index, splice.insert);
      };
      if (doc) editLocally(doc, write);
      else write();
    };
    const onChange = (event: Y.YTextEvent) => {
      const value = text.toString();
      if (value === input.value) return;
      const focused = document.activeElement === input;
      const { selectionStart, selectionEnd, selectionDirection } = input;
      input.value = value;
      if (focused && selectionStart !== null && selectionEnd !== null) {
        input.setSelectionRange(
          mapPosition(selectionStart, event.delta),
          mapPosition(selectionEnd, event.delta),
          selectionDirection ?? undefined,
        );
      }
    };

    input.addEventListener('input', onInput);
    text.observe(onChange);
    return () => {
      input.removeEventListener('input', onInput);
      text.unobserve(onChange);
    };
  }, [ref, text, maxLength]);
}
