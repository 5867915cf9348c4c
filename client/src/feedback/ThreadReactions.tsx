/** The reactions bar under a feedback thread (read-only for observers). */
import type * as Y from 'yjs';
import { ReactionBar } from '../reactions/ReactionBar.js';
import { useReactionViewer } from '../reactions/reactionViewer.js';
import { useReactionKeys } from '../reactions/useReactionKeys.js';
import { threadsOf, toggleThreadReaction } from './feedbackModel.js';

/** Props of `ThreadReactions`. */
export interface ThreadReactionsProps {
  doc: Y.Doc;
  threadId: string;
  readOnly: boolean;
}

/** Reactions to one thread. */
export function ThreadReactions({ doc, threadId, readOnly }: ThreadReactionsProps) {
  const viewer = useReactionViewer();
  const thread = threadsOf(doc).get(threadId) ?? null;
  const keys = useReactionKeys(thread);
  if (!viewer || !thread) return null;
  return (
    <ReactionBar
      keys={keys}
      viewer={viewer}
      compact={readOnly}
      onToggle={(reaction) => (viewer.self ? toggleThreadReaction(doc, threadId, reaction, viewer.self) : null)}
      className="thread-reactions"
    />
  );
}
