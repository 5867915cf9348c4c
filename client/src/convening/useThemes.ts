/** The plenary's harvest themes and which card is in which, live. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { HarvestTheme } from '@worktable/shared';
import { cardThemesMapOf, readCardThemes, readThemes, themesMapOf } from './themeModel.js';

/** Themes and card → theme, as the plenary document has them. */
export interface Themes {
  themes: HarvestTheme[];
  cardThemes: Record<string, string>;
}

const EMPTY: Themes = { themes: [], cardThemes: {} };

/** The themes on `doc` (none while it is null), re-read on every change of either map. */
export function useThemes(doc: Y.Doc | null): Themes {
  const [themes, setThemes] = useState<Themes>(EMPTY);
  useEffect(() => {
    if (!doc) {
      setThemes(EMPTY);
      return;
    }
    const read = () => setThemes({ themes: readThemes(doc), cardThemes: readCardThemes(doc) });
    read();
    const maps = [themesMapOf(doc), cardThemesMapOf(doc)];
    for (const map of maps) map.observe(read);
    return () => {
      for (const map of maps) map.unobserve(read);
    };
  }, [doc]);
  return themes;
}
