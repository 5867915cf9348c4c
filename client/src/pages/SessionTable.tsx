/**
 * The open table of a session, composed of the features' parts: each takes the table as
 * `useTableSession` gathers it (client/src/session), the way the artifact registry composes the
 * artifact kinds. In a convening the page follows the server: it opens the viewer's table (or the
 * plenary, with the harvest wall), and shows the convening's banners, history and harvest
 * (client/src/convening). The header (client/src/session/SessionHeader) carries each feature's
 * action; the banners say you observe, write privately (client/src/privateWriting) or are offline;
 * the main area holds the canvas with the votes', reactions' and feedback's add-ons, or on a phone
 * (≤ 400 px) the stacked layout (client/src/phone); the side panel holds the protocol panel and
 * the sections of feedback, notes and people.
 */
import type { SessionView } from '@worktable/shared';
import { SkipLinks } from '../components/SkipLinks.js';
import { ConveningBanners } from '../convening/ConveningBanners.js';
import type { StoredIdentity } from '../identity.js';
import { PrivateWritingBanner } from '../privateWriting/PrivateWritingBanner.js';
import { ReactionViewerContext, useSessionReactionViewer } from '../reactions/reactionViewer.js';
import { SessionHeader } from '../session/SessionHeader.js';
import { ConnectionBanners, ObserverBanner } from '../session/TableBanners.js';
import { TableMain } from '../session/TableMain.js';
import { TableSidebar } from '../session/TableSidebar.js';
import { useTableSession } from '../session/useTableSession.js';
// The stacked layout's grid is this page's, though its parts load only on a phone.
import '../phone/phone.css';

/** Props of `SessionTable`. */
export interface SessionTableProps {
  sessionId: string;
  initialView: SessionView;
  identity: StoredIdentity;
  /** This browser joined the session just now (it keeps no copy of the table yet). */
  justJoined?: boolean;
}

/** The table of a session the browser has joined. */
export function SessionTable({ sessionId, initialView, identity, justJoined = false }: SessionTableProps) {
  const table = useTableSession({ sessionId, initialView, identity, justJoined });
  const { view, me, readOnly } = table;
  const reactionViewer = useSessionReactionViewer(me.participantId, !readOnly, view.participants, table.place.docName);
  return (
    <div className="page page-session">
      <SkipLinks />
      <ConveningBanners
        sessionId={sessionId}
        state={table.state}
        me={me.participantId}
        nameOf={table.nameOf}
        isHost={table.role === 'host'}
      />
      <SessionHeader table={table} />
      <ObserverBanner table={table} />
      <PrivateWritingBanner canWrite={!readOnly} />
      <ConnectionBanners table={table} />
      <ReactionViewerContext.Provider value={reactionViewer}>
        <div className={table.layout.phone ? 'session-grid session-grid-phone' : 'session-grid session-grid-canvas'}>
          <TableMain table={table} />
          <TableSidebar table={table} />
        </div>
      </ReactionViewerContext.Provider>
    </div>
  );
}
