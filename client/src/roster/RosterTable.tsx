/**
 * The roster: everyone the host expects, who is here and who is not yet, the table each is
 * pinned to and whether they host it (editable, before or after seating), and their personal
 * link to copy one by one, all at once as text, or download as CSV for a mail merge.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_TABLES, type DashboardPayload, type RosterPersonView } from '@worktable/shared';
import { CopyButton } from '../components/CopyButton.js';
import { ActionAlert } from '../dashboard/ActionAlert.js';
import { useDashboardContext } from '../dashboard/DashboardContext.js';
import { fold, indexPeople } from '../dashboard/filter.js';
import { pinnedSentence } from '../dashboard/format.js';
import { usePendingAction } from '../dashboard/usePendingAction.js';
import { saveBlob } from '../export/saveFile.js';
import { RosterSeatCells } from './RosterSeatCells.js';
import { arrivalOf, hostSentence, linksCsv, linksText, rosterCounts } from './rosterText.js';

/** Props of `RosterTable`. */
export interface RosterTableProps {
  people: readonly RosterPersonView[];
  linksExpireAt: string;
  dashboard: DashboardPayload;
  /** Session title, for the downloaded file's name. */
  title: string;
  /** Imports so far: after each one the keyboard lands on the roster (the form it was in folds away). */
  imports: number;
}

/** The roster table with its bulk actions. */
export function RosterTable({ people, linksExpireAt, dashboard, title, imports }: RosterTableProps) {
  const id = useId();
  const { announce } = useDashboardContext();
  const [query, setQuery] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = usePendingAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (imports > 0) heading.current?.focus();
  }, [imports]);
  const byId = useMemo(() => indexPeople(dashboard.people), [dashboard.people]);
  const maxTable = dashboard.convening ? dashboard.tableCount : MAX_TABLES;
  const shown = useMemo(() => {
    const q = fold(query);
    return q === '' ? people : people.filter((p) => fold(`${p.name} ${p.organization ?? ''} ${p.systemRole ?? ''}`).includes(q));
  }, [people, query]);

  const { runFor } = action;
  const pin = useCallback(
    (participantId: string, name: string, table: number | null, host: boolean) => {
      setInvalid(null);
      const tableName = table === null ? null : `Table ${table}`;
      const done = host && tableName ? hostSentence(name, tableName) : pinnedSentence(name, tableName);
      void runFor(
        participantId,
        { action: 'pin', participantId, tableId: table === null ? null : `table-${table}`, ...(host ? { host: true } : {}) },
        done,
      );
    },
    [runFor],
  );
  const expires = new Date(linksExpireAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

  return (
    <section className="roster-list" aria-labelledby={`${id}-h`}>
      <div className="roster-list-bar">
        <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
          On the roster
        </h3>
        <p className="roster-counts">{rosterCounts(people, byId)}</p>
      </div>
      <div className="actions roster-bulk">
        <CopyButton
          text={() => linksText(people)}
          className="button secondary"
          onCopied={() => announce(`Copied ${people.length} personal links.`)}
        >
          Copy all links
        </CopyButton>
        <button
          type="button"
          className="button ghost"
          onClick={() =>
            saveBlob(new Blob([linksCsv(people)], { type: 'text/csv;charset=utf-8' }), `${title || 'roster'} personal links.csv`)
          }
        >
          Download links (CSV)
        </button>
        <p className="hint">
          Each link opens the session as that person, from any browser; send it only to them. Links work until {expires}: open this roster
          again for new ones.
        </p>
      </div>
      {people.length > 10 && (
        <div className="dash-filter roster-filter">
          <label htmlFor={`${id}-find`}>Find someone on the roster</label>
          <input
            id={`${id}-find`}
            type="search"
            value={query}
            placeholder="Name, organization or role"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      )}
      <ActionAlert error={invalid ?? action.error} />
      <div className="roster-scroll" tabIndex={0} role="region" aria-label="People on the roster">
        <table className="roster-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Here?</th>
              <th scope="col">Pinned table</th>
              <th scope="col">Table host</th>
              <th scope="col">Personal link</th>
            </tr>
          </thead>
          <tbody aria-busy={action.busy}>
            {shown.map((person) => {
              const live = byId.get(person.participantId);
              const arrival = arrivalOf(live);
              const details = [person.organization, person.systemRole].filter(Boolean).join(' · ');
              return (
                <tr key={person.participantId} data-participant-id={person.participantId}>
                  <th scope="row">
                    <span className="roster-name">{person.name}</span>
                    {details && <span className="roster-details">{details}</span>}
                  </th>
                  <td>
                    <span className={`roster-arrival is-${arrival}`}>{arrival === 'here' ? 'Here' : 'Expected'}</span>
                  </td>
                  <RosterSeatCells
                    name={person.name}
                    participantId={person.participantId}
                    person={live}
                    maxTable={maxTable}
                    seatedTables={dashboard.convening ? dashboard.tableCount : null}
                    busy={action.pending === person.participantId}
                    pin={pin}
                    invalid={setInvalid}
                  />
                  <td>
                    <CopyButton
                      text={person.link}
                      className="button ghost roster-copy"
                      forWhat={person.name}
                      onCopied={() => announce(`Copied the personal link of ${person.name}.`)}
                    >
                      Copy link
                    </CopyButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="hint">Nobody on the roster matches “{query.trim()}”.</p>}
    </section>
  );
}
