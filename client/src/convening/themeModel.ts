/**
 * The only writer of harvest themes in the plenary document (shared `harvest.ts`: a map of
 * themes and a map of card → theme), and their reading. Anyone in the plenary may group cards.
 */
import type * as Y from 'yjs';
import { MAX_THEME_CHARS, PlenaryRoot, readHarvestTheme, type HarvestTheme } from '@worktable/shared';

/** The themes map of the plenary document. */
export function themesMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PlenaryRoot.Themes);
}

/** The card → theme map of the plenary document. */
export function cardThemesMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PlenaryRoot.CardThemes);
}

/** Every well-formed theme. */
export function readThemes(doc: Y.Doc): HarvestTheme[] {
  const themes: HarvestTheme[] = [];
  for (const value of themesMapOf(doc).values()) {
    const theme = readHarvestTheme(value);
    if (theme) themes.push(theme);
  }
  return themes.sort((a, b) => a.order - b.order || a.at - b.at);
}

/** Card id → theme id, for every card grouped. */
export function readCardThemes(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [cardId, themeId] of cardThemesMapOf(doc).entries()) if (typeof themeId === 'string') out[cardId] = themeId;
  return out;
}

/** What is wrong with a theme name, or null. */
export function themeNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Name the theme first.';
  if (trimmed.length > MAX_THEME_CHARS) return `Keep the name under ${MAX_THEME_CHARS} characters.`;
  return null;
}

/** Adds a theme at the end; returns it. */
export function addTheme(doc: Y.Doc, name: string, by: string, now: number): HarvestTheme {
  const themes = readThemes(doc);
  const theme: HarvestTheme = {
    id: `theme-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: name.trim(),
    order: (themes.at(-1)?.order ?? 0) + 1,
    by,
    at: now,
  };
  themesMapOf(doc).set(theme.id, theme);
  return theme;
}

/** Renames a theme (no-op for an unknown one). */
export function renameTheme(doc: Y.Doc, themeId: string, name: string): void {
  const theme = readHarvestTheme(themesMapOf(doc).get(themeId));
  if (theme) themesMapOf(doc).set(themeId, { ...theme, name: name.trim() });
}

/** Removes a theme; its cards go back to "not grouped". */
export function removeTheme(doc: Y.Doc, themeId: string): void {
  doc.transact(() => {
    themesMapOf(doc).delete(themeId);
    const cards = cardThemesMapOf(doc);
    for (const [cardId, value] of [...cards.entries()]) if (value === themeId) cards.delete(cardId);
  });
}

/** Puts a card in a theme, or takes it out (null). */
export function setCardTheme(doc: Y.Doc, cardId: string, themeId: string | null): void {
  if (themeId === null) cardThemesMapOf(doc).delete(cardId);
  else cardThemesMapOf(doc).set(cardId, themeId);
}
