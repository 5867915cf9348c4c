/**
 * "Before you arrived", pinned at the top of the sidebar from round 2 on: what earlier rounds at
 * this table left — their notes (a preview, and a button that shows the document on the canvas),
 * the stickies, images, links and other items made on the canvas before this round, and the
 * harvest cards the table posted. Collapsible; open by default.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { HarvestCard } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';
import type { EarlierItem, EarlierNotes } from './earlierNotes.js';
import { focusArtifact } from '../canvas/focusArtifact.js';
import { HarvestCardView } from './HarvestCardView.js';
import './convening.css';

/** Props of `BeforeYouArrived`. */
export interface BeforeYouArrivedProps {
  /** The open table document. */
  doc: Y.Doc;
  tableName: string;
  notes: readonly EarlierNotes[];
  /** What earlier rounds left on the canvas (stickies, images, links…), oldest first. */
  items: readonly EarlierItem[];
  /** This table's cards of earlier rounds. */
  cards: readonly HarvestCard[];
}

/** The panel. */
export function BeforeYouArrived({ doc, tableName, notes, items, cards }: BeforeYouArrivedProps) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const empty = notes.length === 0 && items.length === 0 && cards.length === 0;
  return (
    <section className="card before-you-arrived" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="collapsible-heading">
        <button
          type="button"
          className="collapsible-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="collapsible-chevron">
            {open ? '▾' : '▸'}
          </span>
          Before you arrived
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!open} className="before-body">
        {empty ? (
          <p className="muted">Nothing from earlier rounds at {tableName} yet.</p>
        ) : (
          <>
            {notes.length > 0 && (
              <ul className="earlier-notes" aria-label="Notes of earlier rounds">
                {notes.map((n) => (
                  <li key={n.id} className="earlier-note">
                    <h3>{n.title}</h3>
                    <p className={n.preview ? 'earlier-preview' : 'earlier-preview muted'}>
                      {n.preview ||
                        (items.length > 0
                          ? 'The notes document is empty; see what was left on the table below.'
                          : 'The notes document is empty.')}
                    </p>
                    <button
                      type="button"
                      className="button ghost button-small"
                      onClick={() => focusArtifact(doc, n.id)}
                      aria-label={`Show on the canvas: ${n.title}`}
                    >
                      Show on the canvas
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {items.length > 0 && (
              <div className="earlier-items">
                <h3>Left on the table ({items.length})</h3>
                <ul aria-label="Items from earlier rounds">
                  {items.map((item) => (
                    <li key={item.id}>
                      <span className="earlier-kind">{viewOf(item.kind).label}</span> {item.title}{' '}
                      <button
                        type="button"
                        className="protocol-link-button"
                        onClick={() => focusArtifact(doc, item.id)}
                        aria-label={`Show on the canvas: ${item.title}`}
                      >
                        Show
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {cards.length > 0 && (
              <div className="earlier-harvest">
                <h3>Posted to the plenary</h3>
                <ul className="harvest-list">
                  {cards.map((card) => (
                    <li key={card.id}>
                      <HarvestCardView card={card} showRound />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
