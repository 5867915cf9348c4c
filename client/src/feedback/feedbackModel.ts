/**
 * Feedback threads in the table document: the only code that writes them. A thread is a Y.Map
 * in the document's `feedback` map (fields in `ThreadField`), its messages a Y.Array of plain
 * objects. Writes use `FEEDBACK_ORIGIN`, so an undo manager can track them apart from canvas edits.
 */
import * as Y from 'yjs';
import {
  type FeedbackType,
  TableRoot,
  ThreadField,
  readThread,
  validateFeedbackText,
  type FeedbackMessage,
  type FeedbackThread,
  type ReactionId,
  type ThreadPhase,
} from '@worktable/shared';
import { toggleReaction, type ReactionPress, type ReactionSelf } from '../reactions/reactionModel.js';

/** Transaction origin of feedback written in this browser. */
export const FEEDBACK_ORIGIN = Symbol('worktable:feedback');

/** Who writes. */
export interface Author {
  participantId: string;
  name: string;
}

/** The document's map of threads. */
export function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(TableRoot.Feedback);
}

/** What a new thread is about. */
export interface NewThread {
  artifactId: string;
  type: FeedbackType;
  text: string;
  /** The quoted passage of a document, when the thread is about one. */
  quote?: string;
  /** Y.RelativePosition JSON of the passage's start and end, when the thread is about one. */
  anchor?: { start: unknown; end: unknown };
  /** The protocol phase it is written in, when one is running. */
  phase?: ThreadPhase | null;
}

/** Opens a thread with its first message; returns its id, or the reason the text was refused. */
export function openThread(
  doc: Y.Doc,
  author: Author,
  thread: NewThread,
  now = Date.now(),
): { ok: true; id: string } | { ok: false; reason: string } {
  const checked = validateFeedbackText(thread.text);
  if (!checked.ok) return checked;
  const id = crypto.randomUUID();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set(ThreadField.Id, id);
    map.set(ThreadField.ArtifactId, thread.artifactId);
    map.set(ThreadField.Type, thread.type);
    if (thread.quote) map.set(ThreadField.Quote, thread.quote.slice(0, 300));
    if (thread.anchor) {
      map.set(ThreadField.AnchorStart, thread.anchor.start);
      map.set(ThreadField.AnchorEnd, thread.anchor.end);
    }
    map.set(ThreadField.CreatedBy, author.participantId);
    map.set(ThreadField.CreatedByName, author.name);
    map.set(ThreadField.CreatedAt, now);
    if (thread.phase) {
      map.set(ThreadField.PhaseId, thread.phase.id);
      map.set(ThreadField.PhaseTitle, thread.phase.title);
    }
    map.set(ThreadField.Resolved, false);
    const messages = new Y.Array<FeedbackMessage>();
    messages.push([{ id: crypto.randomUUID(), authorId: author.participantId, authorName: author.name, text: checked.text, at: now }]);
    map.set(ThreadField.Messages, messages);
    threadsOf(doc).set(id, map);
  }, FEEDBACK_ORIGIN);
  return { ok: true, id };
}

/** Adds a reply to a thread; returns the reason when refused (unknown thread, empty text). */
export function reply(
  doc: Y.Doc,
  threadId: string,
  author: Author,
  text: string,
  now = Date.now(),
): { ok: true } | { ok: false; reason: string } {
  const checked = validateFeedbackText(text);
  if (!checked.ok) return checked;
  const messages = threadsOf(doc).get(threadId)?.get(ThreadField.Messages);
  if (!(messages instanceof Y.Array)) return { ok: false, reason: 'This thread no longer exists.' };
  doc.transact(() => {
    messages.push([{ id: crypto.randomUUID(), authorId: author.participantId, authorName: author.name, text: checked.text, at: now }]);
  }, FEEDBACK_ORIGIN);
  return { ok: true };
}

/** Marks a thread resolved (or open again). */
export function setResolved(doc: Y.Doc, threadId: string, author: Author, resolved: boolean): void {
  const thread = threadsOf(doc).get(threadId);
  if (!thread) return;
  doc.transact(() => {
    thread.set(ThreadField.Resolved, resolved);
    thread.set(ThreadField.ResolvedBy, resolved ? author.participantId : null);
  }, FEEDBACK_ORIGIN);
}

/** Toggles your reaction on a thread; null when the thread no longer exists. */
export function toggleThreadReaction(doc: Y.Doc, threadId: string, reaction: ReactionId, self: ReactionSelf): ReactionPress | null {
  const thread = threadsOf(doc).get(threadId);
  if (!(thread instanceof Y.Map)) return null;
  let press: ReactionPress | null = null;
  doc.transact(() => {
    press = toggleReaction(thread, reaction, self);
  }, FEEDBACK_ORIGIN);
  return press;
}

/** Deletes every thread about an artifact (when the artifact is deleted for good). */
export function deleteThreadsOf(doc: Y.Doc, artifactId: string): void {
  const threads = threadsOf(doc);
  doc.transact(() => {
    for (const [id, thread] of threads) if (thread.get(ThreadField.ArtifactId) === artifactId) threads.delete(id);
  }, FEEDBACK_ORIGIN);
}

/** Reads one thread (the shared reader, also used by the server's export). */
export { readThread };

/** All well-formed threads of the document. */
export function readThreads(doc: Y.Doc): FeedbackThread[] {
  const threads: FeedbackThread[] = [];
  for (const map of threadsOf(doc).values()) {
    const thread = map instanceof Y.Map ? readThread(map) : null;
    if (thread) threads.push(thread);
  }
  return threads;
}
