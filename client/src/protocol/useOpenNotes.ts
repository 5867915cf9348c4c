/** The scribe's "Open the notes": the run's notes document, selected and opened large on the canvas. */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import { useCanvasUi } from '../canvas/uiStore.js';
import { useControlStore } from './controlConnection.js';
import { runNotesId } from './scribeNotes.js';

/** Opens the notes of the run shown in `doc`'s table; the callback says false when there are none yet. */
export function useOpenNotes(doc: Y.Doc | null): () => boolean {
  return useCallback(() => {
    const state = useControlStore.getState().state;
    const id = doc && state ? runNotesId(doc, state) : null;
    if (id) {
      useCanvasUi.getState().select([id]);
      useCanvasUi.getState().expand(id);
    }
    return id !== null;
  }, [doc]);
}
