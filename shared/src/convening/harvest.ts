/**
 * Harvest cards: what a table's reporter brings to the plenary. They live in the plenary
 * document (`<sessionId>/plenary`), in the Y.Map `harvest` (card id → plain `HarvestCard` object),
 * so every table and the plenary see them live; the plenary groups them by table and round.
 */

/** Names of the plenary document's own shared types (it is also a canvas, see `TableRoot`). */
export const PlenaryRoot = {
  /** Y.Map of card id → `HarvestCard` (plain JSON). */
  Harvest: 'harvest',
  /** Y.Map of theme id → `HarvestTheme` (plain JSON): the named groups the plenary sorts cards into. */
  Themes: 'themes',
  /** Y.Map of card id → theme id: which theme a card was dragged into (absent: not grouped yet). */
  CardThemes: 'cardThemes',
} as const;

/** Longest theme name, in characters. */
export const MAX_THEME_CHARS = 120;

/** A named group of harvest cards. */
export interface HarvestTheme {
  id: string;
  name: string;
  /** Position among the themes (ascending). */
  order: number;
  by: string;
  at: number;
}

/** Reads a theme from the document, or null when it is malformed. */
export function readHarvestTheme(value: unknown): HarvestTheme | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  if (typeof t.id !== 'string' || typeof t.name !== 'string' || t.name.trim().length === 0 || t.name.length > MAX_THEME_CHARS) return null;
  if (typeof t.order !== 'number' || !Number.isFinite(t.order) || typeof t.by !== 'string' || typeof t.at !== 'number') return null;
  return { id: t.id, name: t.name, order: t.order, by: t.by, at: t.at };
}

/** One theme with its cards (oldest first); `theme: null` holds the cards not grouped yet. */
export interface ThemedCards {
  theme: HarvestTheme | null;
  cards: HarvestCard[];
}

/** Groups cards by theme in the themes' order, then the ungrouped cards last (a card in a deleted theme is ungrouped). */
export function groupByTheme(
  cards: readonly HarvestCard[],
  themes: readonly HarvestTheme[],
  cardThemes: Readonly<Record<string, string>>,
): ThemedCards[] {
  const ordered = [...themes].sort((a, b) => a.order - b.order || a.at - b.at || a.id.localeCompare(b.id));
  const known = new Set(ordered.map((t) => t.id));
  const byAge = [...cards].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const groups: ThemedCards[] = ordered.map((theme) => ({ theme, cards: byAge.filter((c) => cardThemes[c.id] === theme.id) }));
  const loose = byAge.filter((c) => !known.has(cardThemes[c.id] ?? ''));
  return loose.length > 0 ? [...groups, { theme: null, cards: loose }] : groups;
}

/** What a card says. */
export const HarvestKind = {
  Insight: 'insight',
  Question: 'question',
  /** "We thought X; it turns out Y." */
  Shift: 'shift',
} as const;
/** One of `HarvestKind`. */
export type HarvestKind = (typeof HarvestKind)[keyof typeof HarvestKind];

/** Labels of the kinds, for people. */
export const HARVEST_KIND_LABELS: Record<HarvestKind, string> = {
  insight: 'Key insight',
  question: 'Question',
  shift: 'We thought… it turns out…',
};

/** Longest text of a card part, in characters. */
export const MAX_HARVEST_CHARS = 600;

/** One harvest card. */
export interface HarvestCard {
  id: string;
  tableId: string;
  tableName: string;
  /** The convening round the table was in. */
  round: number;
  kind: HarvestKind;
  /** The insight or question; for a shift, "what we thought". */
  text: string;
  /** For a shift: "what it turns out". */
  turnsOut?: string;
  by: string;
  byName: string;
  at: number;
}

const isKind = (value: unknown): value is HarvestKind => value === 'insight' || value === 'question' || value === 'shift';
const text = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_HARVEST_CHARS;

/** Reads a card from the document, or null when it is malformed (a peer wrote something odd). */
export function readHarvestCard(value: unknown): HarvestCard | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Record<string, unknown>;
  if (typeof c.id !== 'string' || typeof c.tableId !== 'string' || typeof c.tableName !== 'string') return null;
  if (typeof c.round !== 'number' || !Number.isInteger(c.round) || c.round < 0 || !isKind(c.kind) || !text(c.text)) return null;
  if (c.turnsOut !== undefined && !text(c.turnsOut)) return null;
  if (typeof c.by !== 'string' || typeof c.byName !== 'string' || typeof c.at !== 'number') return null;
  const card: HarvestCard = {
    id: c.id,
    tableId: c.tableId,
    tableName: c.tableName,
    round: c.round,
    kind: c.kind,
    text: c.text,
    by: c.by,
    byName: c.byName,
    at: c.at,
  };
  if (typeof c.turnsOut === 'string') card.turnsOut = c.turnsOut;
  return card;
}

/** One table's cards of one round. */
export interface HarvestGroup {
  tableId: string;
  tableName: string;
  round: number;
  cards: HarvestCard[];
}

/** The number at the end of a table id or name ("table-12", "Table 12" → 12); without one, `Number.MAX_SAFE_INTEGER` (sorts last). */
export function tableNumberOf(idOrName: string): number {
  const match = /(\d+)\s*$/.exec(idOrName);
  return match?.[1] ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/** Groups cards by round, then table (table 2 before table 10), each group's cards oldest first. */
export function groupHarvest(cards: readonly HarvestCard[]): HarvestGroup[] {
  const groups = new Map<string, HarvestGroup>();
  for (const card of cards) {
    const key = `${card.round}\u0000${card.tableId}`;
    let group = groups.get(key);
    if (!group) {
      group = { tableId: card.tableId, tableName: card.tableName, round: card.round, cards: [] };
      groups.set(key, group);
    }
    group.cards.push(card);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.round - b.round || tableNumberOf(a.tableId) - tableNumberOf(b.tableId) || a.tableId.localeCompare(b.tableId),
  );
  for (const group of sorted) group.cards.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return sorted;
}

/** Cards per table id. */
export function harvestCountByTable(cards: readonly HarvestCard[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const card of cards) counts[card.tableId] = (counts[card.tableId] ?? 0) + 1;
  return counts;
}
