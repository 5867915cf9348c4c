/**
 * The table page's main area: on a phone, your place in the convening (client/src/phone);
 * otherwise the harvest wall at the plenary, then the canvas, or the timeline in its place. The
 * canvas shows each artifact with the features' add-ons: dot votes (client/src/voting) and
 * reactions (client/src/reactions) under it, its feedback badge (client/src/feedback) on its label.
 */
import { useMemo } from 'react';
import { ArtifactAddon, ArtifactLabelAddon, combineAddons } from '../canvas/artifactAddon.js';
import { Canvas } from '../canvas/Canvas.js';
import { Loading, lazyPart } from '../components/Loading.js';
import { tableNameOf } from '../convening/place.js';
import { FeedbackBadge } from '../feedback/FeedbackBadge.js';
import { ArtifactReactions } from '../reactions/ArtifactReactions.js';
import { useVoteAddon } from '../voting/useVoteAddon.js';
import { useTableStore } from './tableConnection.js';
import type { TablePartProps } from './useTableSession.js';

// What only some people see, or only at some moments, loads when it is first shown (issue #20).
const TimelineView = lazyPart(
  () => import('../history/TimelineView.js').then((m) => m.TimelineView),
  // In the canvas's place and size, as the canvas says it is loading.
  <div className="canvas-shell">
    <Loading text="Opening the timeline…" className="canvas-loading" />
  </div>,
);
const HarvestWall = lazyPart(() => import('../convening/HarvestWall.js').then((m) => m.HarvestWall));
const PhonePlace = lazyPart(() => import('../phone/PhonePlace.js').then((m) => m.PhonePlace), <Loading />);

/** The canvas of the shown document, with every feature's artifact add-ons. */
function TableCanvas({ table }: TablePartProps) {
  const { sessionId, token, connection, place, atPlenary } = table;
  const synced = useTableStore((s) => s.synced);
  const storedLocally = useTableStore((s) => s.storedLocally);
  const voteAddon = useVoteAddon(place.docName);
  const addon = useMemo(() => combineAddons([voteAddon, ArtifactReactions]), [voteAddon]);
  if (!connection) return <div className="canvas-shell canvas-placeholder" aria-hidden="true" />;
  if (table.timeline.shown) {
    return (
      <TimelineView
        key={connection.docName}
        sessionId={sessionId}
        token={token}
        docName={connection.docName}
        tableName={table.state?.convening ? tableNameOf(table.state, connection.docName) : 'The table'}
        liveDoc={connection.doc}
        user={table.localUser}
        readOnly={table.readOnly}
        onClose={table.timeline.close}
      />
    );
  }
  return (
    <ArtifactAddon.Provider value={addon}>
      <ArtifactLabelAddon.Provider value={FeedbackBadge}>
        <Canvas
          key={connection.docName}
          doc={connection.doc}
          awareness={connection.provider.awareness}
          sessionId={sessionId}
          token={token}
          user={table.localUser}
          readOnly={table.readOnly}
          ready={synced || storedLocally}
          place={atPlenary ? 'plenary' : 'table'}
          layer={table.privateLayer}
          viewKey={`${sessionId}/${connection.docName}`}
        />
      </ArtifactLabelAddon.Provider>
    </ArtifactAddon.Provider>
  );
}

/** The main area of the table page. */
export function TableMain({ table }: TablePartProps) {
  const { state, atPlenary, plenary, me } = table;
  const { ownState } = table.place;
  if (table.layout.phone) {
    return <div className="session-main">{ownState && <PhonePlace state={ownState} me={me.participantId} nameOf={table.nameOf} />}</div>;
  }
  return (
    <div className="session-main">
      {atPlenary && state?.convening && (
        <HarvestWall cards={table.harvest} synced={plenary?.synced ?? false} doc={plenary?.doc ?? null} me={me} />
      )}
      <section className={atPlenary ? 'canvas-area is-plenary' : 'canvas-area'} aria-label={atPlenary ? 'The plenary' : 'The table'}>
        <TableCanvas table={table} />
      </section>
    </div>
  );
}
