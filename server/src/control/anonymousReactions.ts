/**
 * Anonymous reactions, written by the server (the control action `react`). A key a browser writes
 * into a Yjs document carries that browser's Yjs client id, and presence maps client ids to
 * names: a pseudonym key written by the reacting browser would tell everyone who reacted. So while
 * a session's reactions are anonymous, the browser asks and the server edits the table document
 * under the person's pseudonym (the item then carries the server's client id). Taking back
 * removes the key under the sender's own pseudonym only: nobody can remove someone else's.
 */
import {
  TableRoot,
  canWrite,
  describeIssue,
  docKey,
  documentAccess,
  itemReactionKey,
  reactActionSchema,
  type SessionRole,
} from '@worktable/shared';
import type * as Y from 'yjs';
import type { Relay } from '../relay/relay.js';

/** Who sends a `react`, and what the server knows of where they are. */
export interface Reactor {
  sessionId: string;
  participantId: string;
  role: SessionRole;
  /** The document a `react` without `tableId` goes to (the table they visit or sit at), or null. */
  defaultDocName: string | null;
  /** Whether the session's reactions are anonymous now. */
  anonymous: boolean;
  /** Whether they listen silently at document `docName` now (a presenter while the group talks). */
  listensSilentlyAt(docName: string): boolean;
}

/** A refused `react`, as its ack says it. */
export interface ReactRefusal {
  code: 'bad_request' | 'forbidden' | 'conflict' | 'not_found';
  message: string;
}

/** Whether a `control` payload is a `react` (then `reactActionSchema` alone judges it). */
export function isReactPayload(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { action?: unknown }).action === 'react';
}

/** Whether an item that takes reactions (an artifact or a feedback thread) is in the document. */
function hasItem(doc: Y.Doc, itemId: string): boolean {
  return doc.getMap<unknown>(TableRoot.Artifacts).has(itemId) || doc.getMap<unknown>(TableRoot.Feedback).has(itemId);
}

/** Writes anonymous reactions into table documents through the relay (so everyone sees them at once). */
export class AnonymousReactions {
  constructor(
    private readonly relay: Pick<Relay, 'editDocument'>,
    private readonly pseudonymOf: (sessionId: string, participantId: string) => string,
  ) {}

  /** Applies a `react` payload from `who`; resolves with null when done, or why it was refused (nothing changed then). */
  async apply(payload: unknown, who: Reactor): Promise<ReactRefusal | null> {
    const parsed = reactActionSchema.safeParse(payload);
    if (!parsed.success) return { code: 'bad_request', message: describeIssue(parsed.error) };
    const { itemId, reaction, on } = parsed.data;
    if (!canWrite(who.role)) return { code: 'forbidden', message: 'Observers follow the session but cannot react.' };
    if (on && !who.anonymous)
      return { code: 'conflict', message: 'Reactions are not anonymous in this session: give them on the table, under your name.' };
    const docName = parsed.data.tableId ?? who.defaultDocName;
    if (docName === null) return { code: 'bad_request', message: 'Name the table (tableId).' };
    if (documentAccess(docName, who.participantId) !== 'open')
      return { code: 'bad_request', message: `This session has no document ${docName}.` };
    if (on && who.listensSilentlyAt(docName))
      return { code: 'forbidden', message: 'You listen silently in this phase: your reactions wait for the next one.' };
    const key = itemReactionKey(itemId, reaction, this.pseudonymOf(who.sessionId, who.participantId));
    let missing = false;
    await this.relay.editDocument({ sessionId: who.sessionId, docName, docKey: docKey(who.sessionId, docName) }, (doc) => {
      const reactions = doc.getMap<unknown>(TableRoot.Reactions);
      if (!on) {
        if (reactions.has(key)) reactions.delete(key);
      } else if (!hasItem(doc, itemId)) missing = true;
      else if (reactions.get(key) !== true) reactions.set(key, true);
    });
    return missing ? { code: 'not_found', message: 'That item is not on this table any more.' } : null;
  }
}
