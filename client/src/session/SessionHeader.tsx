/**
 * The table page's header: the session's title, who you are, where you are (a roaming host picks
 * the table to visit), and the actions each feature adds on the side (the phone/canvas switch,
 * the feedback board, the timeline, participation, shortcuts, export, the host's delete and
 * dashboard), then the connection's status.
 */
import { Gathering, PLENARY_DOC } from '@worktable/shared';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { roleLabel } from '../components/People.js';
import { VisitPicker } from '../convening/VisitPicker.js';
import { HostDashboardLink } from '../dashboard/HostDashboardLink.js';
import { ExportButton } from '../export/ExportButton.js';
import { FeedbackBoardButton } from '../feedback/FeedbackBoardButton.js';
import { TimelineButton } from '../history/TimelineButton.js';
import { ShortcutsButton } from '../keyboard/ShortcutsButton.js';
import { ParticipationButton } from '../participation/ParticipationButton.js';
import { DeleteSessionButton } from '../removal/DeleteSessionButton.js';
import type { TablePartProps } from './useTableSession.js';

/** Where you are, and for a roaming host during the tables, which table to visit. */
function PlaceRow({ table }: TablePartProps) {
  const { label, ownState, docName, setVisit } = table.place;
  if (!label) return null;
  const roams = table.role === 'host' && ownState?.convening && ownState.tableId === null && ownState.gathering === Gathering.Tables;
  return (
    <div className="session-place-row">
      <p className="session-place">{label}</p>
      {roams && <VisitPicker tables={ownState.tables} visit={docName === PLENARY_DOC ? null : docName} onVisit={setVisit} />}
    </div>
  );
}

/** The actions on the header's side. */
function HeaderActions({ table }: TablePartProps) {
  const { sessionId, token, role, connection, readOnly, layout, timeline, atPlenary } = table;
  const { phone } = layout;
  return (
    <div className="session-header-side">
      {layout.offered && (
        <button type="button" className="button ghost" onClick={layout.toggleCanvas}>
          {layout.canvasOnPhone ? 'Phone view' : 'Show the canvas'}
        </button>
      )}
      {connection && !timeline.shown && !phone && <FeedbackBoardButton doc={connection.doc} readOnly={readOnly} />}
      {!atPlenary && !phone && <TimelineButton open={timeline.shown} onToggle={timeline.toggle} />}
      <ParticipationButton sessionId={sessionId} token={token} me={table.me} />
      {!phone && <ShortcutsButton />}
      {table.canExport && <ExportButton sessionId={sessionId} token={token} />}
      {role === 'host' && <DeleteSessionButton sessionId={sessionId} title={table.view.title} token={token} />}
      {role === 'host' && <HostDashboardLink sessionId={sessionId} />}
      <ConnectionStatus />
    </div>
  );
}

/** The header of the table page. */
export function SessionHeader({ table }: TablePartProps) {
  const { role } = table;
  return (
    <header className="session-header">
      <div>
        <p className="eyebrow">Session</p>
        <h1 tabIndex={-1}>{table.view.title}</h1>
        <p className="you">
          You are <strong>{table.name}</strong> <span className={`badge badge-${role}`}>{roleLabel(role)}</span>
        </p>
        <PlaceRow table={table} />
      </div>
      <HeaderActions table={table} />
    </header>
  );
}
