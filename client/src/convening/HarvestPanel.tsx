/**
 * The harvest at a table: the form to post to the plenary for the table's reporter (or the scribe
 * when nobody reports) and the session host, and this round's cards from the table, read-only, for
 * everyone else.
 */
import { PLENARY_DOC, type HarvestCard } from '@worktable/shared';
import { canPostHarvest, harvesterOf, tableHarvest } from './harvestModel.js';
import { HarvestCardView } from './HarvestCardView.js';
import { HarvestForm } from './HarvestForm.js';
import { tableNameOf } from './place.js';
import type { PlenaryDoc } from './usePlenaryDoc.js';
import './convening.css';
import type { SessionView } from '../protocol/sessionView.js';

/** Props of `HarvestPanel`. */
export interface HarvestPanelProps {
  state: SessionView;
  /** The open canvas document (a table, or the plenary). */
  docName: string;
  plenary: PlenaryDoc | null;
  cards: readonly HarvestCard[];
  me: { participantId: string; name: string; role: string };
  nameOf: (participantId: string) => string;
}

/** The table's harvest card in the sidebar (nothing outside a convening's rounds). */
export function HarvestPanel({ state, docName, plenary, cards, me, nameOf }: HarvestPanelProps) {
  if (!state.convening || state.round === 0) return null;
  const atPlenary = docName === PLENARY_DOC;
  // The table this panel speaks for: the one on screen, or (at the plenary) the viewer's own.
  const tableId = atPlenary ? state.tableId : docName;
  const canPost = canPostHarvest(state, me) && (me.role === 'host' || tableId === state.tableId);
  if (!canPost && (atPlenary || tableId === null)) return null;
  const posted = tableId ? tableHarvest(cards, tableId, state.round) : [];
  const harvester = harvesterOf(state.roles);
  const tableName = tableId ? tableNameOf(state, tableId) : null;
  return (
    <section className="card harvest-panel" aria-labelledby="harvest-panel-heading">
      <h2 id="harvest-panel-heading">{tableName ? `Harvest · ${tableName}` : 'Harvest'}</h2>
      {canPost ? (
        <HarvestForm doc={plenary?.doc ?? null} round={state.round} tables={state.tables} tableId={tableId} me={me} />
      ) : (
        <p className="hint">
          {harvester
            ? `${nameOf(harvester)} posts what this table found to the plenary.`
            : 'The table’s reporter posts what this table found to the plenary.'}
        </p>
      )}
      {tableName && (
        <div className="harvest-posted-list">
          <h3>Posted this round</h3>
          {posted.length === 0 ? (
            <p className="muted">Nothing from {tableName} yet.</p>
          ) : (
            <ul className="harvest-list">
              {posted.map((card) => (
                <li key={card.id}>
                  <HarvestCardView card={card} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
