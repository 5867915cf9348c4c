/**
 * The harvest grouped into named themes: a column of cards not grouped yet, then a column per
 * theme. Cards move by dragging them onto a theme, or with their "Theme" menu (keyboard); anyone
 * in the plenary names, renames and removes themes (a removed theme's cards go back). While a
 * dot vote is open, each theme (or card) carries its − and +.
 */
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { groupByTheme, type HarvestCard, type HarvestTheme } from '@worktable/shared';
import { HarvestCardView } from './HarvestCardView.js';
import { addTheme, removeTheme, renameTheme, setCardTheme, themeNameProblem } from './themeModel.js';
import { WallDots } from './WallDots.js';

/** Props of `ThemeBoard`. */
export interface ThemeBoardProps {
  doc: Y.Doc | null;
  cards: readonly HarvestCard[];
  themes: readonly HarvestTheme[];
  cardThemes: Readonly<Record<string, string>>;
  me: string;
  /** Observers look without grouping. */
  readOnly: boolean;
}

const CARD_DRAG_TYPE = 'application/x-worktable-harvest-card';
const cardTitle = (card: HarvestCard) => (card.text.length > 60 ? `${card.text.slice(0, 57)}…` : card.text);

/** The themed harvest. */
export function ThemeBoard({ doc, cards, themes, cardThemes, me, readOnly }: ThemeBoardProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const groups = groupByTheme(cards, themes, cardThemes);
  const loose = groups.find((g) => g.theme === null)?.cards ?? [];
  const columns: { theme: HarvestTheme | null; cards: HarvestCard[] }[] = [
    { theme: null, cards: loose },
    ...groups.filter((g) => g.theme !== null),
  ];

  const create = (event: FormEvent) => {
    event.preventDefault();
    const why = themeNameProblem(name);
    setProblem(why);
    if (why || !doc) return;
    addTheme(doc, name, me, Date.now());
    setName('');
  };
  const move = (cardId: string, themeId: string | null) => {
    if (doc && !readOnly) setCardTheme(doc, cardId, themeId);
  };
  const dropOn = (themeId: string | null) => ({
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (readOnly || ![...event.dataTransfer.types].includes(CARD_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setTarget(themeId ?? '');
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setTarget(null);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      setTarget(null);
      const cardId = event.dataTransfer.getData(CARD_DRAG_TYPE);
      if (!cardId) return;
      event.preventDefault();
      move(cardId, themeId);
    },
  });

  return (
    <div className="theme-board">
      {!readOnly && (
        <form className="theme-new" onSubmit={create} aria-label="Add a theme" noValidate>
          <label htmlFor={`${id}-name`}>New theme</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Time for teachers to plan together"
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button type="submit" className="button secondary" disabled={!doc}>
            Add theme
          </button>
          {problem && (
            <p id={`${id}-problem`} className="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
      <div className="harvest-columns">
        {columns.map(({ theme, cards: inTheme }) => (
          <section
            key={theme?.id ?? 'loose'}
            className={`harvest-column theme-column${target === (theme?.id ?? '') ? ' is-drop-target' : ''}`}
            aria-labelledby={`${id}-${theme?.id ?? 'loose'}`}
            tabIndex={0}
            {...dropOn(theme?.id ?? null)}
          >
            <div className="harvest-column-title">
              <ThemeTitle id={`${id}-${theme?.id ?? 'loose'}`} theme={theme} count={inTheme.length} doc={doc} readOnly={readOnly} />
            </div>
            {theme && <WallDots itemId={theme.id} title={theme.name} />}
            {inTheme.length === 0 && (
              <p className="muted">{theme ? 'Drag cards here, or choose this theme in a card’s menu.' : 'Every card is in a theme.'}</p>
            )}
            <ul className="harvest-list">
              {inTheme.map((card) => (
                <li
                  key={card.id}
                  draggable={!readOnly}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  <HarvestCardView card={card} showRound />
                  <WallDots itemId={card.id} title={cardTitle(card)} />
                  {!readOnly && themes.length > 0 && (
                    <label className="theme-pick">
                      Theme{' '}
                      <select
                        value={cardThemes[card.id] && themes.some((t) => t.id === cardThemes[card.id]) ? cardThemes[card.id] : ''}
                        onChange={(e) => move(card.id, e.target.value || null)}
                        aria-label={`Theme of “${cardTitle(card)}”`}
                      >
                        <option value="">Not grouped</option>
                        {themes.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

interface ThemeTitleProps {
  id: string;
  theme: HarvestTheme | null;
  count: number;
  doc: Y.Doc | null;
  readOnly: boolean;
}

/** A column's heading: the theme's name (rename, remove) or "Not grouped yet". */
function ThemeTitle({ id, theme, count, doc, readOnly }: ThemeTitleProps) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(theme?.name ?? '');
  if (!theme) {
    return (
      <h3 id={id}>
        Not grouped yet <span className="count">{count}</span>
      </h3>
    );
  }
  if (editing && doc) {
    return (
      <form
        className="theme-rename"
        onSubmit={(event) => {
          event.preventDefault();
          if (themeNameProblem(name)) return;
          renameTheme(doc, theme.id, name);
          setEditing(false);
        }}
      >
        <input
          id={id}
          aria-label={`New name for ${theme.name}`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <button type="submit" className="button ghost">
          Save
        </button>
      </form>
    );
  }
  return (
    <>
      <h3 id={id}>
        {theme.name} <span className="count">{count}</span>
      </h3>
      {!readOnly && doc && (
        <span className="theme-actions">
          <button type="button" className="protocol-link-button" onClick={() => setEditing(true)} aria-label={`Rename ${theme.name}`}>
            Rename
          </button>
          <button
            type="button"
            className="protocol-link-button"
            onClick={() => removeTheme(doc, theme.id)}
            aria-label={`Remove ${theme.name} (its cards go back to not grouped)`}
          >
            Remove
          </button>
        </span>
      )}
    </>
  );
}
