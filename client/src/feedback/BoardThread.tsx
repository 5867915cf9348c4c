/**
 * One thread on the feedback board: what it is about (the item's live name, the quoted passage),
 * the phase it was written in, its first message and how many replies, and a button that takes
 * you to the item (and the passage) on the canvas.
 */
import type * as Y from 'yjs';
import type { FeedbackThread } from '@worktable/shared';
import { useItemName } from '../canvas/describe.js';
import { getArtifact } from '../canvas/tableModel.js';
import { OUTSIDE_A_PHASE } from './feedbackBoard.js';

/** Props of `BoardThread`. */
export interface BoardThreadProps {
  doc: Y.Doc;
  thread: FeedbackThread;
  /** Takes the person to the thread's item (the board closes first). */
  onShow(thread: FeedbackThread): void;
}

/** A thread's entry on the board. */
export function BoardThread({ doc, thread, onShow }: BoardThreadProps) {
  const name = useItemName(getArtifact(doc, thread.artifactId));
  const [first, ...replies] = thread.messages;
  const action = thread.anchor ? 'Show in the document' : 'Show on the canvas';
  return (
    <li className={`feedback-thread feedback-${thread.type} board-thread${thread.resolved ? ' is-resolved' : ''}`}>
      <p className="board-thread-about">
        <span className="board-thread-item">{name ? `On ${name}` : 'On an item no longer on the table'}</span>
        <span className="board-thread-phase">{thread.phase ? `Phase: ${thread.phase.title}` : OUTSIDE_A_PHASE}</span>
        {thread.resolved && <span className="badge">Resolved</span>}
      </p>
      {thread.quote && <blockquote>{thread.quote}</blockquote>}
      {first && (
        <p className="board-thread-text">
          <span className="feedback-author">{first.authorName}</span> {first.text}
        </p>
      )}
      <div className="board-thread-foot">
        {replies.length > 0 && <span className="muted">{replies.length === 1 ? '1 reply' : `${replies.length} replies`}</span>}
        {name && (
          <button type="button" className="button ghost" aria-label={`${action}: ${name}`} onClick={() => onShow(thread)}>
            {action}
          </button>
        )}
      </div>
    </li>
  );
}
