/**
 * Feedback on one artifact: typed threads with counts and a filter by type, a form to open a
 * thread of an allowed type, replies, reactions and resolve. Types come from shared/feedback.ts, so a
 * protocol phase can pass `allowedTypes` to open only some of them.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import {
  ArtifactField,
  FEEDBACK_TYPES,
  TableRoot,
  FEEDBACK_TYPE_INFO,
  countByType,
  filterThreads,
  type FeedbackThread,
  type FeedbackType,
  type ThreadPhase,
} from '@worktable/shared';
import { openThread, reply, setResolved, type Author } from './feedbackModel.js';
import { clearPendingPassage, revealPassage, usePendingPassage } from './passageStore.js';
import { ThreadReactions } from './ThreadReactions.js';
import { useThreads } from './useThreads.js';
import './feedback.css';

/** Props of `FeedbackPanel`. */
export interface FeedbackPanelProps {
  doc: Y.Doc;
  artifactId: string;
  artifactLabel: string;
  author: Author;
  readOnly: boolean;
  /** Types that may be opened now (all when omitted). */
  allowedTypes?: readonly FeedbackType[];
  /** Why the other types are closed (e.g. the current phase), shown beside them. */
  closedReason?: string;
  /** The protocol phase running now, kept with each new thread (null: none). */
  phase?: ThreadPhase | null;
}

/** The feedback panel of an artifact. */
export function FeedbackPanel({
  doc,
  artifactId,
  artifactLabel,
  author,
  readOnly,
  allowedTypes = FEEDBACK_TYPES,
  closedReason = 'closed now',
  phase = null,
}: FeedbackPanelProps) {
  const all = useThreads(doc);
  const mine = useMemo(() => filterThreads(all, { artifactId }), [all, artifactId]);
  const counts = useMemo(() => countByType(mine), [mine]);
  const [shown, setShown] = useState<FeedbackType | 'all'>('all');
  const [showResolved, setShowResolved] = useState(false);
  const visible = mine.filter((t) => (shown === 'all' || t.type === shown) && (showResolved || !t.resolved));
  const headingId = useId();

  return (
    <section className="feedback-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Feedback on {artifactLabel}</h2>
      <div className="feedback-filters" role="group" aria-label="Show feedback of type">
        <button type="button" className="chip" aria-pressed={shown === 'all'} onClick={() => setShown('all')}>
          All <span className="chip-count">{mine.length}</span>
        </button>
        {FEEDBACK_TYPES.filter((type) => counts[type] > 0).map((type) => (
          <button key={type} type="button" className={`chip chip-${type}`} aria-pressed={shown === type} onClick={() => setShown(type)}>
            {FEEDBACK_TYPE_INFO[type].label} <span className="chip-count">{counts[type]}</span>
          </button>
        ))}
        <label className="feedback-resolved-toggle">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
        </label>
      </div>
      {visible.length === 0 ? (
        <p className="muted">{mine.length === 0 ? 'No feedback yet.' : 'Nothing to show with these filters.'}</p>
      ) : (
        <ol className="feedback-threads">
          {visible.map((thread) => (
            <ThreadItem key={thread.id} doc={doc} thread={thread} author={author} readOnly={readOnly} />
          ))}
        </ol>
      )}
      {!readOnly && (
        <NewThreadForm
          doc={doc}
          artifactId={artifactId}
          author={author}
          allowedTypes={allowedTypes}
          closedReason={closedReason}
          phase={phase}
        />
      )}
    </section>
  );
}

/** Selects a thread's passage in its document's editor, or says why it cannot. */
function ShowPassage({ doc, thread }: { doc: Y.Doc; thread: FeedbackThread }) {
  const [note, setNote] = useState<string | null>(null);
  const anchor = thread.anchor;
  if (!anchor) return null;
  const show = () => {
    const content = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(thread.artifactId)?.get(ArtifactField.Content);
    const result = content instanceof Y.XmlFragment ? revealPassage(content, anchor) : 'removed';
    setNote(result === 'shown' ? null : result === 'removed' ? 'The passage was removed.' : 'The document is not open here yet.');
  };
  return (
    <p className="feedback-passage">
      <button type="button" className="button ghost" onClick={show}>
        Show in document
      </button>
      <span role="status" className="muted">
        {note}
      </span>
    </p>
  );
}

function ThreadItem({ doc, thread, author, readOnly }: { doc: Y.Doc; thread: FeedbackThread; author: Author; readOnly: boolean }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const replyId = useId();
  const send = (event: FormEvent) => {
    event.preventDefault();
    const result = reply(doc, thread.id, author, draft);
    if (result.ok) setDraft('');
    setError(result.ok ? null : result.reason);
  };
  return (
    <li className={`feedback-thread feedback-${thread.type}${thread.resolved ? ' is-resolved' : ''}`}>
      <p className="feedback-type">
        {FEEDBACK_TYPE_INFO[thread.type].label}
        {thread.resolved && <span className="badge">Resolved</span>}
      </p>
      {thread.quote && <blockquote>{thread.quote}</blockquote>}
      <ShowPassage doc={doc} thread={thread} />
      <ul className="feedback-messages">
        {thread.messages.map((message) => (
          <li key={message.id}>
            <span className="feedback-author">{message.authorName}</span> {message.text}
          </li>
        ))}
      </ul>
      <ThreadReactions doc={doc} threadId={thread.id} readOnly={readOnly} />
      {!readOnly && (
        <div className="feedback-actions">
          <form onSubmit={send} className="feedback-reply">
            <label htmlFor={replyId} className="visually-hidden">
              Reply to {FEEDBACK_TYPE_INFO[thread.type].label.toLowerCase()} from {thread.createdByName}
            </label>
            <input id={replyId} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Reply…" maxLength={2000} />
            <button type="submit" className="button ghost">
              Reply
            </button>
          </form>
          <button type="button" className="button ghost" onClick={() => setResolved(doc, thread.id, author, !thread.resolved)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function NewThreadForm({
  doc,
  artifactId,
  author,
  allowedTypes,
  closedReason,
  phase,
}: {
  doc: Y.Doc;
  artifactId: string;
  author: Author;
  allowedTypes: readonly FeedbackType[];
  closedReason: string;
  phase: ThreadPhase | null;
}) {
  const [chosen, setType] = useState<FeedbackType | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const typeId = useId();
  const textId = useId();
  const passage = usePendingPassage(artifactId);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // A passage just chosen in the document: write about it next.
  useEffect(() => {
    if (passage) textRef.current?.focus();
  }, [passage]);
  const type = chosen && allowedTypes.includes(chosen) ? chosen : (allowedTypes[0] ?? null);
  if (type === null) return <p className="muted">No new feedback: {closedReason}.</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const about = passage ? { quote: passage.quote, anchor: passage.anchor } : {};
    const result = openThread(doc, author, { artifactId, type, text, phase, ...about });
    if (result.ok) {
      setText('');
      clearPendingPassage(artifactId);
    }
    setError(result.ok ? null : result.reason);
  };
  return (
    <form className="feedback-new" onSubmit={submit}>
      {passage && (
        <div className="feedback-about">
          <p>
            About: <span className="feedback-quote">“{passage.quote}”</span>
          </p>
          <button type="button" className="button ghost" onClick={() => clearPendingPassage(artifactId)}>
            Clear passage
          </button>
        </div>
      )}
      <label htmlFor={typeId}>Type</label>
      <select id={typeId} value={type} onChange={(e) => setType(e.target.value as FeedbackType)}>
        {FEEDBACK_TYPES.map((t) => {
          const open = allowedTypes.includes(t);
          return (
            <option key={t} value={t} disabled={!open}>
              {FEEDBACK_TYPE_INFO[t].label}
              {open ? '' : ` — ${closedReason}`}
            </option>
          );
        })}
      </select>
      <p className="muted feedback-hint">{FEEDBACK_TYPE_INFO[type].hint}</p>
      <label htmlFor={textId}>Your feedback</label>
      <textarea ref={textRef} id={textId} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="button primary">
        Add feedback
      </button>
    </form>
  );
}
