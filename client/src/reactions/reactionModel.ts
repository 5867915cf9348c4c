/**
 * Reactions on a shared item (an artifact or a feedback thread): its `reactions` Y.Map holds
 * `reactionKey(reaction, who) → true` (shared/src/reactions.ts). Reading and the one toggle used by
 * every writer; the writers wrap it in their own transaction (`editLocally` for artifacts, so
 * undo treats it like any other edit; the feedback origin for threads).
 */
import * as Y from 'yjs';
import { ArtifactField, reactionKey, type ReactionId } from '@worktable/shared';
import { editLocally } from '../canvas/tableModel.js';

/** The field of an item's Y.Map that holds its reactions (the same name on artifacts and threads). */
export const REACTIONS_FIELD = ArtifactField.Reactions;

/** Who is reacting: the id written now, and every id that was ever this person's. */
export interface ReactionSelf {
  /** The participant id, or the pseudonym while reactions are anonymous. */
  who: string;
  /** The participant id and the pseudonym (a reaction under either is yours). */
  selves: readonly string[];
}

/** An item's reactions map, or null before the first reaction. */
export function reactionsOf(item: Y.Map<unknown>): Y.Map<unknown> | null {
  const map = item.get(REACTIONS_FIELD);
  return map instanceof Y.Map ? map : null;
}

/** The keys of an item's reactions (those set to true), sorted; empty before the first. */
export function readReactionKeys(item: Y.Map<unknown> | null): string[] {
  const map = item ? reactionsOf(item) : null;
  if (!map) return [];
  const keys: string[] = [];
  for (const [key, value] of map) if (value === true) keys.push(key);
  return keys.sort();
}

/**
 * Adds `self.who`'s `reaction` to the item, or takes it back when the person already gave it
 * (under any of their ids). Creates the reactions map on the first reaction. Call it inside a
 * transaction of the item's document. Says what happened.
 */
export function toggleReaction(item: Y.Map<unknown>, reaction: ReactionId, self: ReactionSelf): 'added' | 'removed' {
  const existing = reactionsOf(item);
  const given = self.selves.map((id) => reactionKey(reaction, id)).filter((key) => existing?.get(key) === true);
  if (existing && given.length > 0) {
    for (const key of given) existing.delete(key);
    return 'removed';
  }
  let map = existing;
  if (!map) {
    map = new Y.Map<unknown>();
    item.set(REACTIONS_FIELD, map);
  }
  map.set(reactionKey(reaction, self.who), true);
  return 'added';
}

/** Toggles your reaction on an artifact as one local, undoable edit of the table. */
export function toggleArtifactReaction(doc: Y.Doc, artifact: Y.Map<unknown>, reaction: ReactionId, self: ReactionSelf): 'added' | 'removed' {
  let result: 'added' | 'removed' = 'added';
  editLocally(doc, () => {
    result = toggleReaction(artifact, reaction, self);
  });
  return result;
}
