/**
 * One table on the dashboard: name, status, phase and live time left, a Visit link (the table
 * page looking at this table), Show to everyone and, with a timer per table, its time menu; who sits there,
 * activity, notes and harvest cards. A drop target for member chips.
 */
import { memo, useState, type DragEvent } from 'react';
import type { ClockMode, DashboardTable } from '@worktable/shared';
import { Link } from '../components/Link.js';
import { visitPath } from '../router.js';
import { CardTimer } from './CardTimer.js';
import { useDashboardContext } from './DashboardContext.js';
import { carriesParticipant, droppedParticipant, PARTICIPANT_DRAG_TYPE } from './dnd.js';
import { chipsOf, type PeopleIndex } from './filter.js';
import { activityFraction, countOf, editsLabel, statusLabel } from './format.js';
import { MemberChip } from './MemberChip.js';
import { SpotlightButton } from './SpotlightButton.js';
import { TableTimeMenu } from './TableTimeMenu.js';

/** Props of `TableCard`. */
export interface TableCardProps {
  table: DashboardTable;
  people: PeopleIndex;
  /** Table names by id (for "Pinned to Table 2"). */
  tableNames: ReadonlyMap<string, string>;
  /** People the filter matched. */
  matched: ReadonlySet<string>;
  /** Most edits of any table in the last minute (scales the activity bar). */
  busiest: number;
  offsetMs: number;
  /** One round clock (no time menu on the cards) or a timer per table. */
  clock: ClockMode;
  /** Whether this table's canvas is shown to everyone now (null outside convenings: nothing to show it to). */
  spotlighted: boolean | null;
  onMove(participantId: string): void;
  onDropPerson(participantId: string, tableId: string): void;
}

/** A table card. */
export const TableCard = memo(function TableCard({
  table,
  people,
  tableNames,
  matched,
  busiest,
  offsetMs,
  clock,
  spotlighted,
  onMove,
  onDropPerson,
}: TableCardProps) {
  const { sessionId } = useDashboardContext();
  const [dropping, setDropping] = useState(false);
  const headingId = `dash-${table.id}`;
  const chips = chipsOf(table.members, table, people);

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!carriesParticipant([...event.dataTransfer.types])) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!dropping) setDropping(true);
  };
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDropping(false);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    setDropping(false);
    const id = droppedParticipant(event.dataTransfer.getData(PARTICIPANT_DRAG_TYPE));
    if (!id) return;
    event.preventDefault();
    if (!table.members.includes(id)) onDropPerson(id, table.id);
  };

  const activity = activityFraction(table.editsLastMinute, busiest);
  return (
    <article
      className={`table-card status-${table.status}${table.over ? ' is-over' : ''}${dropping ? ' is-drop-target' : ''}`}
      aria-labelledby={headingId}
      data-table-id={table.id}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <header className="table-card-head">
        <h3 id={headingId}>{table.name}</h3>
        <span className="table-card-size">{countOf(table.members.length, 'person', 'people')}</span>
        <span className="table-status">{statusLabel(table)}</span>
      </header>
      <div className="table-card-run">
        <p className="table-phase">{table.phaseTitle ?? <span className="muted">No phase yet</span>}</p>
        <CardTimer status={table.status} endsAt={table.endsAt} remainingMs={table.remainingMs} over={table.over} offsetMs={offsetMs} />
      </div>
      <div className="table-card-actions">
        <Link
          className="chip-move table-visit"
          href={visitPath(sessionId, table.id)}
          aria-label={`Visit ${table.name}`}
          title={`Open ${table.name}’s canvas`}
        >
          Visit
        </Link>
        {spotlighted !== null && <SpotlightButton table={table} shown={spotlighted} />}
        <TableTimeMenu table={table} clock={clock} />
      </div>
      {chips.length > 0 ? (
        <ul className="chips" aria-label={`People at ${table.name}`}>
          {chips.map((chip) => (
            <MemberChip
              key={chip.participantId}
              chip={chip}
              pinnedName={chip.pinnedTo ? (tableNames.get(chip.pinnedTo) ?? chip.pinnedTo) : null}
              highlighted={matched.has(chip.participantId)}
              onMove={onMove}
            />
          ))}
        </ul>
      ) : (
        <p className="chips-empty">Nobody sits here. Drag someone here, or use Move on a person.</p>
      )}
      <footer className="table-card-foot">
        <p className="activity">
          <span className="activity-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(activity * 100)}%` }} />
          </span>
          {editsLabel(table.editsLastMinute)}
        </p>
        <p className="table-counts">
          <span>{table.notes === null ? 'Notes: table not open yet' : countOf(table.notes, 'note')}</span>
          {table.harvest !== null && <span>{countOf(table.harvest, 'harvest card')}</span>}
        </p>
      </footer>
    </article>
  );
});
