/**
 * "Feedback board" in the table's header (the B shortcut clicks it): opens the board of every
 * thread, and takes you to a thread's item when you choose one.
 */
import { useState } from 'react';
import { lazyPart, useShownOnce } from '../components/Loading.js';
import type * as Y from 'yjs';
import type { FeedbackThread } from '@worktable/shared';
import { showThread } from './showThread.js';

// The board loads the first time it opens.
const FeedbackBoard = lazyPart(() => import('./FeedbackBoard.js').then((m) => m.FeedbackBoard));

/** Props of `FeedbackBoardButton`. */
export interface FeedbackBoardButtonProps {
  doc: Y.Doc;
  readOnly: boolean;
}

/** The header button and its board. */
export function FeedbackBoardButton({ doc, readOnly }: FeedbackBoardButtonProps) {
  const [open, setOpen] = useState(false);
  const mounted = useShownOnce(open);
  const show = (thread: FeedbackThread) => {
    setOpen(false);
    void showThread(doc, thread);
  };
  return (
    <>
      <button
        type="button"
        className="button secondary"
        aria-keyshortcuts="B"
        title="Every thread of feedback on the table (press B)"
        onClick={() => setOpen(true)}
      >
        Feedback board
      </button>
      {mounted && <FeedbackBoard doc={doc} open={open} readOnly={readOnly} onClose={() => setOpen(false)} onShow={show} />}
    </>
  );
}
