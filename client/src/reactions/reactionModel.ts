/**
 * Reactions on a shared item (an artifact or a feedback thread), kept in the table document's
 * `reactions` map as `"<itemId>/" + reactionKey(reaction, who) → true` (shared/src/reactions.ts). Reading and the one toggle used by
 * every writer; the writers wrap it in their own transaction (`editLocally` for artifacts, so
 * undo treats it like any other edit; the feedback origin for threads).
 */
import * as Y from 'yjs';
import { ArtifactField, TableRoot, reactionKey, reactionPrefix, type ReactionId } from '@worktable/shared';
import { editLocally } from '../canvas/tableModel.js';

/** Who is reacting: the id written now, and every id that was ever this person's. */
export interface ReactionSelf {
  /** The participant id, or the pseudonym while reactions are anonymous. */
  who: string;
  /** The participant id and the pseudonym (a reaction under either is yours). */
  selves: readonly string[];
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
 * Adds `self.who`'s `reaction` to the item, or takes it back when the person already gave it
 * (under any of their ids). Call it inside a transaction of the item's document. Says what happened.
 */
export function toggleReaction(item: Y.Map<unknown>, reaction: ReactionId, self: ReactionSelf): 'added' | 'removed' {
  const map = reactionsOf(item);
  const id = itemIdOf(item);
  if (!map || !id) return 'removed';
  const prefix = reactionPrefix(id);
  const given = self.selves.map((who) => prefix + reactionKey(reaction, who)).filter((key) => map.get(key) === true);
  if (given.length > 0) {
    for (const key of given) map.delete(key);
    return 'removed';
  }
  map.set(prefix + reactionKey(reaction, self.who), true);
  return 'added';
}

/**
 * Toggles your reaction on an artifact (a toggle: pressing it again takes it back; it is not part
 * of the canvas's undo history, which is about the work on the table).
 */
export function toggleArtifactReaction(doc: Y.Doc, artifact: Y.Map<unknown>, reaction: ReactionId, self: ReactionSelf): 'added' | 'removed' {
  let result: 'added' | 'removed' = 'added';
  editLocally(doc, () => {
    result = toggleReaction(artifact, reaction, self);
  });
  return result;
}
