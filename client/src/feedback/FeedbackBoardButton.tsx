/**
 * "Feedback board" in the table's header (the B shortcut clicks it): opens the board of every
 * thread, and takes you to a thread's item when you choose one.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { FeedbackThread } from '@worktable/shared';
import { FeedbackBoard } from './FeedbackBoard.js';
import { showThread } from './showThread.js';

/** Props of `FeedbackBoardButton`. */
export interface FeedbackBoardButtonProps {
  doc: Y.Doc;
  readOnly: boolean;
}

/** The header button and its board. */
export function FeedbackBoardButton({ doc, readOnly }: FeedbackBoardButtonProps) {
  const [open, setOpen] = useState(false);
  const show = (thread: FeedbackThread) => {
    setOpen(false);
    void showThread(doc, thread);
  };
  return (
    <>
      <button type="button" className="button secondary" aria-keyshortcuts="B" title="Every thread of feedback on the table (press B)" onClick={() => setOpen(true)}>
        Feedback board
      </button>
      <FeedbackBoard doc={doc} open={open} readOnly={readOnly} onClose={() => setOpen(false)} onShow={show} />
    </>
  );
}
