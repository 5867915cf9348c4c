/**
 * Reactions on artifacts and feedback: a small fixed set, stored in the table document's
 * `reactions` Y.Map (`TableRoot.Reactions`) as `"<itemId>/<reaction>:<who>" → true`. `who` is the participant id, or — when the session makes
 * reactions anonymous — the person's pseudonym, an opaque id the server derives from their
 * participant id (sent in `session:welcome`), so people can take their own reaction back while
 * nobody can tell who reacted.
 *
 * Who writes a key: a browser writes (and takes back) only keys under its own participant id;
 * anonymous keys are written by the server (the control action `react`), so the Yjs item holding
 * one carries the server's client id, never the reacting browser's (which presence maps to a
 * name). The relay reverts any other key a browser writes or deletes (reactionOwnerHook.ts).
 */

/** The reactions, in display order, with their symbol and name for people. */
export const REACTIONS = [
  { id: 'agree', symbol: '👍', label: 'Agree' },
  { id: 'heart', symbol: '❤️', label: 'Love this' },
  { id: 'idea', symbol: '💡', label: 'Sparks an idea' },
  { id: 'question', symbol: '❓', label: 'Raises a question' },
  { id: 'important', symbol: '⭐', label: 'Important' },
] as const;

/** One reaction id. */
export type ReactionId = (typeof REACTIONS)[number]['id'];

const IDS: ReadonlySet<string> = new Set(REACTIONS.map((r) => r.id));

/** Whether a value is a reaction id. */
export function isReactionId(value: unknown): value is ReactionId {
  return typeof value === 'string' && IDS.has(value);
}

/** The key of one person's reaction. */
export function reactionKey(reaction: ReactionId, who: string): string {
  return `${reaction}:${who}`;
}

/** The prefix of every reaction key of one item in the table's reactions map. */
export function reactionPrefix(itemId: string): string {
  return `${itemId}/`;
}

/** The key of one person's reaction to one item in the table's reactions map. */
export function itemReactionKey(itemId: string, reaction: ReactionId, who: string): string {
  return reactionPrefix(itemId) + reactionKey(reaction, who);
}

/** The ids of items that take reactions (artifacts, threads): no `/` or `:`, which separate a key's parts. */
export const REACTION_ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The parts of a key of the table's reactions map, or null when it is not one (an unknown reaction, a part missing). */
export function parseItemReactionKey(key: string): { itemId: string; reaction: ReactionId; who: string } | null {
  const slash = key.indexOf('/');
  const colon = key.indexOf(':', slash + 1);
  if (slash <= 0 || colon < 0) return null;
  const reaction = key.slice(slash + 1, colon);
  const who = key.slice(colon + 1);
  return isReactionId(reaction) && who.length > 0 ? { itemId: key.slice(0, slash), reaction, who } : null;
}

/** Counts per reaction (every reaction present) and which ones `me` gave, from the map's keys. */
export function tallyReactions(
  keys: Iterable<string>,
  me: string,
): { counts: Record<ReactionId, number>; mine: Set<ReactionId>; who: Record<ReactionId, string[]> } {
  const counts = Object.fromEntries(REACTIONS.map((r) => [r.id, 0])) as Record<ReactionId, number>;
  const who = Object.fromEntries(REACTIONS.map((r) => [r.id, [] as string[]])) as Record<ReactionId, string[]>;
  const mine = new Set<ReactionId>();
  for (const key of keys) {
    const colon = key.indexOf(':');
    const reaction = key.slice(0, colon);
    const person = key.slice(colon + 1);
    if (colon <= 0 || !isReactionId(reaction) || person.length === 0) continue;
    counts[reaction]++;
    who[reaction].push(person);
    if (person === me) mine.add(reaction);
  }
  return { counts, mine, who };
}

/** Reactions on one item in a line for the record ("👍 2 · ❤️ 1"), no names; empty when none. */
export function reactionLine(keys: Iterable<string>): string {
  const { counts } = tallyReactions(keys, '');
  return REACTIONS.filter((r) => counts[r.id] > 0)
    .map((r) => `${r.symbol} ${counts[r.id]}`)
    .join(' · ');
}
