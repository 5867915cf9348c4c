/**
 * Which table is where, as the room display shows it from the back of a room: each table's name,
 * its host's full name, and everyone else by first name ("Ana B." when two people share "Ana").
 * Pure.
 */
import type { WireTable } from '@worktable/shared';

/** One table of the map. */
export interface TablePlaque {
  id: string;
  name: string;
  /** The table host's full name, or null when the table has none. */
  host: string | null;
  /** Everyone else at the table, by first name, in seating order. */
  others: string[];
}

/** Said for someone whose name the page has not loaded yet. */
export const UNKNOWN_NAME = 'Someone';

/** The first word of a name ("Ana" of "Ana Alvarez"), or the whole trimmed name. */
function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * First names for the people `ids`, told apart where they clash: "Ana A." and "Ana B." when two
 * Anas are seated, the full name when even that clashes (or there is no second word).
 */
export function firstNames(ids: readonly string[], nameOf: (participantId: string) => string | null): Map<string, string> {
  const full = new Map(ids.map((id) => [id, (nameOf(id) ?? UNKNOWN_NAME).trim() || UNKNOWN_NAME]));
  const count = (names: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  };
  const firsts = count([...full.values()].map(firstWord));
  const withInitial = (name: string) => {
    const words = name.split(/\s+/);
    return words.length > 1 ? `${words[0]} ${words.at(-1)?.[0] ?? ''}.` : name;
  };
  const initialled = count([...full.values()].filter((name) => (firsts.get(firstWord(name)) ?? 0) > 1).map(withInitial));
  const short = new Map<string, string>();
  for (const [id, name] of full) {
    if ((firsts.get(firstWord(name)) ?? 0) <= 1) short.set(id, firstWord(name));
    else short.set(id, (initialled.get(withInitial(name)) ?? 0) > 1 ? name : withInitial(name));
  }
  return short;
}

/** The plaques of `tables`, in their order. */
export function tablePlaques(tables: readonly WireTable[], nameOf: (participantId: string) => string | null): TablePlaque[] {
  const short = firstNames(
    tables.flatMap((t) => t.members),
    nameOf,
  );
  return tables.map((table) => ({
    id: table.id,
    name: table.name,
    host: table.host ? (nameOf(table.host) ?? UNKNOWN_NAME) : null,
    others: table.members.filter((id) => id !== table.host).map((id) => short.get(id) ?? UNKNOWN_NAME),
  }));
}
