/**
 * What reactions say to people: button names ("Agree, 3 people", "Agree (you and 2 others)"),
 * the names behind a reaction (only when reactions are not anonymous), the summary of an item's
 * reactions, and the announcement of your own toggle. Pure.
 */
import { REACTIONS, tallyReactions, type ReactionId } from '@worktable/shared';

/** One reaction as the bar shows it. */
export interface ReactionView {
  id: ReactionId;
  symbol: string;
  label: string;
  count: number;
  mine: boolean;
  /** Who gave it, for the tooltip ("You, Ana Alvarez and 1 other"); null when anonymous or nobody. */
  names: string | null;
}

/** Counts in people's words: "1 person", "3 people". */
function people(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** The accessible name of a reaction's toggle button. */
export function reactionButtonLabel(label: string, count: number, mine: boolean): string {
  if (mine) {
    const others = count - 1;
    return others <= 0 ? `${label} (you)` : `${label} (you and ${others} ${others === 1 ? 'other' : 'others'})`;
  }
  return count === 0 ? `${label}, nobody yet` : `${label}, ${people(count)}`;
}

/** "You, Ana and Ben", "Ana and 2 others": the people behind a reaction, you first; unknown ids count as others. */
export function namesText(names: readonly string[], mine: boolean, unknown: number): string {
  const all = [...(mine ? ['You'] : []), ...names];
  if (unknown > 0) {
    const known = all.length > 0;
    all.push(unknown === 1 ? (known ? '1 other' : 'someone') : `${unknown} ${known ? 'others' : 'people'}`);
  }
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** What the viewer knows to tell reactions apart: their own ids, whether names are hidden, and names. */
export interface ReactionLens {
  /** Every id that is the viewer's (participant id, pseudonym). */
  selves: readonly string[];
  anonymous: boolean;
  /** A participant's name, or null when unknown (a pseudonym, someone who left). */
  nameOf(id: string): string | null;
}

/** Every reaction in display order, with counts, yours and (unless anonymous) who gave it. */
export function reactionViews(keys: Iterable<string>, lens: ReactionLens): ReactionView[] {
  const { counts, who } = tallyReactions(keys, '');
  const selves = new Set(lens.selves);
  return REACTIONS.map((reaction) => {
    const givers = who[reaction.id];
    const mine = givers.some((id) => selves.has(id));
    // One person counts once, even with a reaction under their id and their pseudonym.
    const count = counts[reaction.id] - Math.max(0, givers.filter((id) => selves.has(id)).length - 1);
    let names: string | null = null;
    if (!lens.anonymous && count > 0) {
      const others = [...new Set(givers.filter((id) => !selves.has(id)))];
      const known = others.map((id) => lens.nameOf(id)).filter((name): name is string => name !== null);
      names = namesText(known, mine, others.length - known.length);
    }
    return { id: reaction.id, symbol: reaction.symbol, label: reaction.label, count, mine, names };
  });
}

/** The tooltip of a reaction: its name, and who gave it when that may be shown. */
export function reactionTitle(view: ReactionView): string {
  return view.names ? `${view.label}: ${view.names}` : view.label;
}

/** "Reactions: Agree 3 (You, Ana and Ben), Important 1" (only those given, names unless anonymous); "No reactions". */
export function reactionSummary(views: readonly ReactionView[]): string {
  const given = views.filter((v) => v.count > 0);
  if (given.length === 0) return 'No reactions';
  return `Reactions: ${given.map((v) => `${v.label} ${v.count}${v.names ? ` (${v.names})` : ''}`).join(', ')}`;
}

/** The polite announcement after you toggled a reaction. */
export function toggleAnnouncement(label: string, result: 'added' | 'removed', count: number): string {
  return result === 'added'
    ? `You reacted “${label}”. ${people(count)} in all.`
    : `Your “${label}” reaction is taken back. ${people(count)} left.`;
}
