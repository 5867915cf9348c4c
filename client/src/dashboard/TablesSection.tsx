/**
 * The tables: a filter ("Find a person or table"), a compact grid of table cards that stays
 * usable with 40 tables, the people at no table, and moving people by drag and drop or with the
 * Move dialog.
 */
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { filterTables, indexPeople, sortTables } from './filter.js';
import { busiestEdits, countOf, movedSentence } from './format.js';
import { MoveDialog } from './MoveDialog.js';
import { moveWarningSentences, moveWarnings } from './moveWarnings.js';
import { TableCard } from './TableCard.js';
import { UnseatedList } from './UnseatedList.js';
import { useHostAction } from './useHostAction.js';

/** Props of `TablesSection`. */
export interface TablesSectionProps {
  dashboard: DashboardPayload;
  /** Server clock minus ours, for the countdowns. */
  offsetMs: number;
}

/** The tables and the people at no table. */
export function TablesSection({ dashboard, offsetMs }: TablesSectionProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [moving, setMoving] = useState<string | null>(null);
  const drop = useHostAction();
  const people = useMemo(() => indexPeople(dashboard.people), [dashboard.people]);
  const tables = useMemo(() => sortTables(dashboard.tables), [dashboard.tables]);
  const tableNames = useMemo(() => new Map(tables.map((t) => [t.id, t.name])), [tables]);
  const shown = useMemo(() => filterTables(tables, dashboard.unseated, people, query), [tables, dashboard.unseated, people, query]);
  const busiest = busiestEdits(tables);

  // Drops read the latest names without making every card re-render when they change.
  const latest = useRef({ people, tableNames, dashboard });
  latest.current = { people, tableNames, dashboard };
  const { run: runDrop } = drop;
  const onDropPerson = useCallback(
    (participantId: string, tableId: string) => {
      const name = latest.current.people.get(participantId)?.name ?? 'Someone';
      const tableName = latest.current.tableNames.get(tableId) ?? tableId;
      // A drop cannot ask first: what the Move dialog would have warned of is said with the move.
      const warnings = moveWarningSentences(name, moveWarnings(participantId, tableId, latest.current.dashboard));
      void runDrop({ action: 'move', participantId, tableId }, [`${movedSentence(name, tableName)}.`, ...warnings].join(' '));
    },
    [runDrop],
  );
  const onMove = useCallback((participantId: string) => setMoving(participantId), []);
  const closeMove = useCallback(() => setMoving(null), []);

  const movingPerson = moving ? people.get(moving) : undefined;
  const warningsFor = useCallback(
    (tableId: string) =>
      movingPerson ? moveWarningSentences(movingPerson.name, moveWarnings(movingPerson.participantId, tableId, dashboard)) : [],
    [movingPerson, dashboard],
  );
  const choices = useMemo(() => tables.map((t) => ({ id: t.id, name: t.name, members: t.members.length })), [tables]);
  const filtering = query.trim() !== '';

  return (
    <section className="dash-tables" aria-labelledby={`${id}-h`}>
      <div className="dash-tables-bar">
        <h2 id={`${id}-h`}>
          Tables <span className="count">{tables.length}</span>
        </h2>
        <div className="dash-filter">
          <label htmlFor={`${id}-find`}>Find a person or table</label>
          <input
            id={`${id}-find`}
            type="search"
            value={query}
            placeholder="Name, organization or table number"
            aria-describedby={`${id}-shown`}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <p id={`${id}-shown`} className="hint" role="status">
          {filtering
            ? `Showing ${countOf(shown.tables.length, 'table')} of ${tables.length}.`
            : 'Drag a person onto another table to move them, or use their Move button.'}
        </p>
      </div>
      {!dashboard.convening && <p className="hint">Everyone present sits at one table until you seat people at several tables.</p>}
      <ActionAlert error={drop.error} />
      <div className="dash-layout">
        {shown.tables.length > 0 ? (
          <ul className="table-grid" aria-label="Tables" aria-busy={drop.busy}>
            {shown.tables.map((table) => (
              <li key={table.id}>
                <TableCard
                  table={table}
                  people={people}
                  tableNames={tableNames}
                  matched={shown.people}
                  busiest={busiest}
                  offsetMs={offsetMs}
                  clock={dashboard.clock}
                  spotlighted={dashboard.convening ? dashboard.spotlight === table.id : null}
                  onMove={onMove}
                  onDropPerson={onDropPerson}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="dash-none">No table matches “{query.trim()}”. Try a first name, an organization or a table number.</p>
        )}
        <UnseatedList
          ids={shown.unseated}
          total={dashboard.unseated.length}
          people={people}
          tableNames={tableNames}
          matched={shown.people}
          onMove={onMove}
        />
      </div>
      {movingPerson && (
        <MoveDialog
          key={movingPerson.participantId}
          person={movingPerson}
          currentTableId={tables.find((t) => t.members.includes(movingPerson.participantId))?.id ?? null}
          tables={choices}
          warningsFor={warningsFor}
          onClose={closeMove}
        />
      )}
    </section>
  );
}
