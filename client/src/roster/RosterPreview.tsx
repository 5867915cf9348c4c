/**
 * The preview of a roster before it is imported: its problems by line (focusable, so the Import
 * button can send the keyboard there), how many people and organizations, how the columns were
 * read, and the first people as they will be imported.
 */
import type { RefObject } from 'react';
import { describeRosterProblem, type RosterParse } from '@worktable/shared';
import { countOf } from '../dashboard/format.js';
import { columnsSummary, previewSummary } from './rosterText.js';

/** Props of `RosterPreview`. */
export interface RosterPreviewProps {
  roster: RosterParse;
  /** The problems list, focused when an import is tried with problems left. */
  problemsRef: RefObject<HTMLDivElement | null>;
}

/** How many rows and problems the preview lists. */
const ROWS_SHOWN = 100;
const PROBLEMS_SHOWN = 50;

/** The preview. */
export function RosterPreview({ roster, problemsRef }: RosterPreviewProps) {
  const { people, problems } = roster;
  return (
    <section className="roster-preview" aria-label="Preview">
      {problems.length > 0 && (
        <div className="roster-problems" ref={problemsRef} tabIndex={-1}>
          <h4>{countOf(problems.length, 'problem')} to fix before importing</h4>
          <ul>
            {problems.slice(0, PROBLEMS_SHOWN).map((problem, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of problem texts, replaced whole
              <li key={i}>{describeRosterProblem(problem)}</li>
            ))}
            {problems.length > PROBLEMS_SHOWN && <li>…and {problems.length - PROBLEMS_SHOWN} more.</li>}
          </ul>
        </div>
      )}
      {people.length > 0 && (
        <>
          <p className="roster-preview-summary">
            <strong>{previewSummary(people)}</strong>
            {problems.length > 0 && <span> read so far</span>}
          </p>
          <p className="hint">{columnsSummary(roster)}</p>
          <div className="roster-scroll" tabIndex={0} role="region" aria-label="People in the preview">
            <table className="roster-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Organization</th>
                  <th scope="col">System role</th>
                  <th scope="col">Table</th>
                </tr>
              </thead>
              <tbody>
                {people.slice(0, ROWS_SHOWN).map((person) => (
                  <tr key={person.line}>
                    <td className="roster-number">{person.line}</td>
                    <th scope="row">{person.name}</th>
                    <td>{person.organization ?? <span className="muted">—</span>}</td>
                    <td>{person.systemRole ?? <span className="muted">—</span>}</td>
                    <td>
                      {person.pinnedTable === null ? (
                        <span className="muted">Seated by the plan</span>
                      ) : (
                        <>
                          Table {person.pinnedTable}
                          {person.tableHost && <span className="chip-mark mark-host">Table host</span>}
                          {person.tableChosen && <span className="hint"> (first table without a host)</span>}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {people.length > ROWS_SHOWN && <p className="hint">…and {countOf(people.length - ROWS_SHOWN, 'more person', 'more people')}.</p>}
        </>
      )}
    </section>
  );
}
