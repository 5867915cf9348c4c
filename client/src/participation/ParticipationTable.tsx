/**
 * The participation table: one row per person (people not heard yet first, marked), with what they
 * put on the table, the feedback they opened by type, replies, dots, roles and time holding the
 * floor. Compact cells carry their full wording for screen readers and as a tooltip.
 */
import type { ArtifactKind, ParticipationRow } from '@worktable/shared';
import { ARTIFACT_VIEWS } from '../artifacts/registry.js';
import { artifactKinds, feedbackSummary, formatFloor, orderRows, rolesSummary } from './participation.js';

/** Props of `ParticipationTable`. */
export interface ParticipationTableProps {
  rows: readonly ParticipationRow[];
  /** The viewer, marked "(you)". */
  me: string;
}

/** A kind as people read it ("Sticky note"); an unknown kind as it is. */
function kindLabel(kind: string): string {
  return kind in ARTIFACT_VIEWS ? ARTIFACT_VIEWS[kind as ArtifactKind].label : kind;
}

/** The table of participation rows. */
export function ParticipationTable({ rows, me }: ParticipationTableProps) {
  return (
    // Focusable, so a table wider than the screen scrolls with the keyboard too.
    <div className="participation-scroll" tabIndex={0} role="region" aria-label="Participation table">
      <table className="participation-table">
        <caption className="visually-hidden">Participation per person; people not heard yet first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">On the table</th>
            <th scope="col">Feedback</th>
            <th scope="col">Replies</th>
            <th scope="col">Dots</th>
            <th scope="col">Roles</th>
            <th scope="col">Holding the floor</th>
            <th scope="col">Speaking in the call</th>
          </tr>
        </thead>
        <tbody>
          {orderRows(rows).map((row) => {
            const feedback = feedbackSummary(row.feedback);
            const kinds = artifactKinds(row.artifactsByKind, kindLabel);
            return (
              <tr key={row.participantId} className={row.quiet ? 'is-quiet' : undefined}>
                <th scope="row">
                  <span className="participation-name">{row.name}</span>
                  {row.participantId === me && <span className="participation-you"> (you)</span>}
                  {row.quiet && <span className="participation-quiet">Not heard yet</span>}
                </th>
                <td>
                  <span className="participation-number">{row.artifacts}</span>
                  {kinds && <span className="participation-detail">{kinds}</span>}
                </td>
                <td title={feedback.full}>
                  <span aria-hidden="true">{feedback.short}</span>
                  <span className="visually-hidden">{feedback.full}</span>
                </td>
                <td className="participation-number">{row.replies}</td>
                <td className="participation-number">{row.dots}</td>
                <td>{rolesSummary(row)}</td>
                <td className="participation-number">
                  <time dateTime={`PT${Math.round(row.floorMs / 1000)}S`}>{formatFloor(row.floorMs)}</time>
                </td>
                <td className="participation-number" data-testid="spoken-time">
                  <time dateTime={`PT${Math.round(row.spokenMs / 1000)}S`}>{formatFloor(row.spokenMs)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
