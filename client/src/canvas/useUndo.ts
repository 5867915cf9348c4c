/** The local undo manager of a table document and whether it can undo or redo now. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createUndoManager } from './tableModel.js';

/** Undo state for the toolbar and keyboard. */
export interface UndoState {
  manager: Y.UndoManager | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** Creates (and destroys) the undo manager for `doc`. */
export function useUndo(doc: Y.Doc): UndoState {
  const [state, setState] = useState<UndoState>({ manager: null, canUndo: false, canRedo: false });
  useEffect(() => {
    const manager = createUndoManager(doc);
    const update = () => setState({ manager, canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    update();
    return () => {
      manager.destroy();
      setState({ manager: null, canUndo: false, canRedo: false });
    };
  }, [doc]);
  return state;
}
