/**
 * Reactions on a shared item (an artifact or a feedback thread), kept in the table document's
 * `reactions` map as `itemReactionKey(itemId, reaction, who) → true` (shared/src/reactions.ts).
 * Reading, and the one toggle used by every writer. Named reactions are written here, in this
 * browser; anonymous ones are given and taken back by the server (the control action `react`,
 * see `ReactionPress.ask`), since a key this browser writes carries its Yjs client id, which
 * presence maps to a name. The writers wrap the toggle in their own transaction (`editLocally`
 * for artifacts, so undo treats it like any other edit; the feedback origin for threads).
 */
import type * as Y from 'yjs';
import { ArtifactField, TableRoot, itemReactionKey, reactionPrefix, type ReactionId } from '@worktable/shared';
import { editLocally } from '../canvas/tableModel.js';

/** Who is reacting, and where. */
export interface ReactionSelf {
  /** Named reactions are written under the participant id, by this browser. */
  participantId: string;
  /** Anonymous reactions are under the pseudonym (null before it arrived), written by the server. */
  pseudonym: string | null;
  /** New reactions are anonymous. */
  anonymous: boolean;
  /** The document the reacted items are in (a table or the plenary), named to the server. */
  docName: string;
}

/** What one press of a reaction did here, and what it asks the server to do (anonymous reactions). */
export interface ReactionPress {
  result: 'added' | 'removed';
  /** Give (`on`) or take back your anonymous reaction: the control action `react`; null when nothing is asked. */
  ask: { itemId: string; reaction: ReactionId; on: boolean } | null;
}

/** The table's reactions map (every item's), or null while the item is not in a document. */
export function reactionsOf(item: Y.Map<unknown>): Y.Map<unknown> | null {
  return item.doc ? item.doc.getMap<unknown>(TableRoot.Reactions) : null;
}

/** The item's id (artifacts and threads both keep it in `id`), or null. */
export function itemIdOf(item: Y.Map<unknown>): string | null {
  const id = item.get(ArtifactField.Id);
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** The keys of an item's reactions (`<reaction>:<who>`, those set to true), sorted. */
export function readReactionKeys(item: Y.Map<unknown> | null): string[] {
  const map = item ? reactionsOf(item) : null;
  const id = item ? itemIdOf(item) : null;
  if (!map || !id) return [];
  const prefix = reactionPrefix(id);
  const keys: string[] = [];
  for (const [key, value] of map) if (value === true && key.startsWith(prefix)) keys.push(key.slice(prefix.length));
  return keys.sort();
}

/**
 * Gives your `reaction` to the item, or takes it back when you gave it (under either of your ids).
 * A named reaction is written or removed here (call it inside a transaction of the item's
 * document); an anonymous one is asked of the server. Null when the item is not in a document.
 */
export function toggleReaction(item: Y.Map<unknown>, reaction: ReactionId, self: ReactionSelf): ReactionPress | null {
  const map = reactionsOf(item);
  const itemId = itemIdOf(item);
  if (!map || !itemId) return null;
  const named = itemReactionKey(itemId, reaction, self.participantId);
  const givenNamed = map.get(named) === true;
  const givenAnonymously = self.pseudonym !== null && map.get(itemReactionKey(itemId, reaction, self.pseudonym)) === true;
  if (givenNamed || givenAnonymously) {
    if (givenNamed) map.delete(named);
    return { result: 'removed', ask: givenAnonymously ? { itemId, reaction, on: false } : null };
  }
  if (self.anonymous) return { result: 'added', ask: { itemId, reaction, on: true } };
  map.set(named, true);
  return { result: 'added', ask: null };
}

/**
 * Toggles your reaction on an artifact (a toggle: pressing it again takes it back; it is not part
 * of the canvas's undo history, which is about the work on the table).
 */
export function toggleArtifactReaction(
  doc: Y.Doc,
  artifact: Y.Map<unknown>,
  reaction: ReactionId,
  self: ReactionSelf,
): ReactionPress | null {
  let press: ReactionPress | null = null;
  editLocally(doc, () => {
    press = toggleReaction(artifact, reaction, self);
  });
  return press;
}
