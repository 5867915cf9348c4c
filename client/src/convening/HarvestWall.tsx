/**
 * The plenary's harvest wall: every table's cards, grouped into named themes (ThemeBoard: drag or
 * pick a theme, dot-vote on themes) or by round — a column per round (each scrolls on its own,
 * the wall scrolls sideways past a few rounds), then a group per table ("Table 3 · Round 1"), so
 * forty tables with several cards each stay readable. The host's dot vote sits above.
 */
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { HarvestCard } from '@worktable/shared';
import { harvestColumns, harvestTables } from './harvestColumns.js';
import { HarvestCardView } from './HarvestCardView.js';
import { PlenaryVote } from './PlenaryVote.js';
import { ThemeBoard } from './ThemeBoard.js';
import { useThemes } from './useThemes.js';
import './convening.css';

/** Props of `HarvestWall`. */
export interface HarvestWallProps {
  cards: readonly HarvestCard[];
  /** False while the plenary document is still loading. */
  synced: boolean;
  /** The plenary document (themes live there), when open. */
  doc: Y.Doc | null;
  me: { participantId: string; role: string };
  /** Offer the "Show" filter by table (not on the room display, which nobody operates). */
  filterable?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The wall, as a region headed "Harvest". */
export function HarvestWall({ cards, synced, doc, me, filterable = true }: HarvestWallProps) {
  const id = useId();
  const [only, setOnly] = useState('');
  const { themes, cardThemes } = useThemes(doc);
  const [chosenView, setView] = useState<'themes' | 'rounds' | null>(null);
  const view = chosenView ?? (themes.length > 0 ? 'themes' : 'rounds');
  const readOnly = me.role === 'observer';
  const tables = useMemo(() => harvestTables(cards), [cards]);
  const shown = useMemo(() => (only ? cards.filter((c) => c.tableId === only) : cards), [cards, only]);
  const columns = useMemo(() => harvestColumns(shown), [shown]);
  return (
    <section className="harvest-wall" aria-labelledby={`${id}-heading`}>
      <div className="harvest-wall-head">
        <h2 id={`${id}-heading`}>Harvest</h2>
        <p className="hint" aria-live="polite">
          {synced ? `${plural(cards.length, 'card')} from ${plural(tables.length, 'table')}` : 'Loading the harvest…'}
        </p>
        {cards.length > 0 && (
          <div className="harvest-view" role="group" aria-label="Group the cards">
            <button type="button" className="button ghost" aria-pressed={view === 'themes'} onClick={() => setView('themes')}>
              By theme
            </button>
            <button type="button" className="button ghost" aria-pressed={view === 'rounds'} onClick={() => setView('rounds')}>
              By round and table
            </button>
          </div>
        )}
        {filterable && view === 'rounds' && tables.length > 1 && (
          <div className="harvest-filter">
            <label htmlFor={`${id}-only`}>Show</label>
            <select id={`${id}-only`} value={only} onChange={(event) => setOnly(event.target.value)}>
              <option value="">All tables</option>
              {tables.map((t) => (
                <option key={t.tableId} value={t.tableId}>
                  {t.tableName}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {!readOnly && <PlenaryVote themes={themes} cards={cards} isHost={me.role === 'host'} />}
      {synced && cards.length === 0 && (
        <p className="muted">Nothing harvested yet. Each table’s reporter posts what their table found from the table.</p>
      )}
      {view === 'themes' && cards.length > 0 && (
        <ThemeBoard doc={doc} cards={cards} themes={themes} cardThemes={cardThemes} me={me.participantId} readOnly={readOnly} />
      )}
      {view === 'rounds' && (
        <div className="harvest-columns">
          {columns.map((column) => (
            <section key={column.round} className="harvest-column" aria-labelledby={`${id}-round-${column.round}`} tabIndex={0}>
              <h3 id={`${id}-round-${column.round}`} className="harvest-column-title">
                Round {column.round} <span className="count">{column.count}</span>
              </h3>
              {column.groups.map((group) => (
                <section key={group.tableId} className="harvest-group" aria-labelledby={`${id}-${column.round}-${group.tableId}`}>
                  <h4 id={`${id}-${column.round}-${group.tableId}`}>
                    {group.tableName} · Round {group.round}
                  </h4>
                  <ul className="harvest-list">
                    {group.cards.map((card) => (
                      <li key={card.id}>
                        <HarvestCardView card={card} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
