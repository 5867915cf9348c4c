/**
 * The open table of a session: header, observer banner, the canvas, presence and participants.
 * In a convening the page follows the server: it opens the viewer's table (or the plenary, with
 * the harvest wall), and shows the convening's banners, history and harvest (client/src/convening),
 * and dot votes at your table (client/src/voting: the sidebar's vote bar, − + on each voted item).
 * Reactions (client/src/reactions) show under artifacts and feedback threads.
 * Private writing (client/src/privateWriting) layers your private notes over the canvas; the
 * participation view and the host's session settings live in client/src/participation.
 * The host removes people and deletes the session (client/src/removal); a roaming host's table
 * visit is told to the server (`useHostVisit`) so the protocol panel follows that table.
 * On a phone (≤ 400 px) the canvas and sidebar give way to a stacked layout (client/src/phone).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Gathering, PLENARY_DOC, builtInProtocol, canWrite, type SessionState, type SessionView } from '@worktable/shared';
import { ArtifactAddon, ArtifactLabelAddon, combineAddons } from '../canvas/artifactAddon.js';
import { Canvas } from '../canvas/Canvas.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { ConnectionStatus } from '../components/ConnectionStatus.js';
import { SkipLinks } from '../components/SkipLinks.js';
import { PresenceList, roleLabel } from '../components/People.js';
import { Link } from '../components/Link.js';
import { forgetIdentity, type StoredIdentity } from '../identity.js';
import { joinPath, navigate } from '../router.js';
import { colorFor } from '../session/colors.js';
import { SelectedFeedback } from '../feedback/SelectedFeedback.js';
import { FeedbackBadge } from '../feedback/FeedbackBadge.js';
import { FeedbackBoardButton } from '../feedback/FeedbackBoardButton.js';
import { ConveningBanners } from '../convening/ConveningBanners.js';
import { HostDashboardLink } from '../dashboard/HostDashboardLink.js';
import { InviteCard, useInviteCode } from '../invite/InviteCard.js';
import { ownPlace, placeLabel, tableNameOf, visitTarget } from '../convening/place.js';
import { useHarvest } from '../convening/useHarvest.js';
import { useHostVisit } from '../convening/useHostVisit.js';
import { usePlenaryDoc } from '../convening/usePlenaryDoc.js';
import { useTableDocName } from '../convening/useTableDocName.js';
import { VisitPicker } from '../convening/VisitPicker.js';
import { ExportButton } from '../export/ExportButton.js';
import { ParticipationButton } from '../participation/ParticipationButton.js';
import { ShortcutsButton } from '../keyboard/ShortcutsButton.js';
import { DeleteSessionButton } from '../removal/DeleteSessionButton.js';
import { ParticipantsCard } from '../removal/ParticipantsCard.js';
import { PrivateWritingBanner } from '../privateWriting/PrivateWritingBanner.js';
import { usePrivateLayer } from '../privateWriting/usePrivateLayer.js';
import { TimelineButton } from '../history/TimelineButton.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { useSpeaking } from '../call/useSpeaking.js';
import { ProtocolPanel } from '../protocol/ProtocolPanel.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';
import { SideSectionPanel, SideTabs } from '../sidePanel/SideSections.js';
import { useSectionFollows } from '../sidePanel/useSectionFollows.js';
import { useThreadCount } from '../feedback/useThreads.js';
import { useScribeNotes } from '../protocol/useScribeNotes.js';
import { useOpenNotes } from '../protocol/useOpenNotes.js';
import { useFollowPresenter } from '../protocol/useFollowPresenter.js';
import { ArtifactReactions } from '../reactions/ArtifactReactions.js';
import { ReactionViewerContext, useSessionReactionViewer } from '../reactions/reactionViewer.js';
import { openTable, useTableStore, type PresenceUser, type TableConnection } from '../session/tableConnection.js';
import { useSessionView } from '../session/useSessionView.js';
import { useVoteAddon } from '../voting/useVoteAddon.js';
import { useNarrowScreen } from '../phone/useNarrowScreen.js';
// The stacked layout's grid is this page's, though its parts load only on a phone.
import '../phone/phone.css';
import { VotePanel } from '../voting/VotePanel.js';
import { Loading, lazyPart } from '../components/Loading.js';

// What only some people see, or only at some moments, loads when it is first shown (issue #20):
// the canvas, the phase and the people come first.
const TimelineView = lazyPart(
  () => import('../history/TimelineView.js').then((m) => m.TimelineView),
  // In the canvas's place and size, as the canvas says it is loading.
  <div className="canvas-shell">
    <Loading text="Opening the timeline…" className="canvas-loading" />
  </div>,
);
const EndSummary = lazyPart(() => import('../summary/EndSummary.js').then((m) => m.EndSummary));
const HarvestWall = lazyPart(() => import('../convening/HarvestWall.js').then((m) => m.HarvestWall));
const HarvestPanel = lazyPart(() => import('../convening/HarvestPanel.js').then((m) => m.HarvestPanel));
const TableHistory = lazyPart(() => import('../convening/TableHistory.js').then((m) => m.TableHistory));
const PhonePlace = lazyPart(() => import('../phone/PhonePlace.js').then((m) => m.PhonePlace), <Loading />);
const PhoneActions = lazyPart(() => import('../phone/PhoneActions.js').then((m) => m.PhoneActions));
const PrivateWritingControls = lazyPart(() => import('../privateWriting/PrivateWritingControls.js').then((m) => m.PrivateWritingControls));
const SessionSettings = lazyPart(() => import('../participation/SessionSettings.js').then((m) => m.SessionSettings));

/** Whether `me` runs private writing at their table (`PrivateWritingControls` shows nothing to anyone else). */
const runsPrivateWriting = (state: SessionState | null, me: ProtocolMe) => state !== null && state.tableId !== null && canRunControls(state, me);

/** Props of `SessionTable`. */
export interface SessionTableProps {
  sessionId: string;
  initialView: SessionView;
  identity: StoredIdentity;
  /** This browser joined the session just now (it keeps no copy of the table yet). */
  justJoined?: boolean;
}

/** The open canvas document `docName`, reopened whenever it changes (a new seat, a summon). */
function useTableConnection(sessionId: string, token: string, user: PresenceUser, docName: string, justJoined: boolean): TableConnection | null {
  const [connection, setConnection] = useState<TableConnection | null>(null);
  const { name, color, participantId, role } = user;
  // Only the first table after joining is sure to have no copy here.
  const first = useRef(justJoined);
  useEffect(() => {
    const opened = openTable(sessionId, token, { name, color, participantId, role }, docName, { noLocalCopy: first.current });
    first.current = false;
    setConnection(opened);
    return () => {
      opened.close();
      setConnection(null);
    };
  }, [sessionId, token, name, color, participantId, role, docName]);
  return connection;
}

/** The table a host link asks to look at (`?table=table-3`), if any. */
function requestedVisit(): string | null {
  const table = new URLSearchParams(window.location.search).get('table');
  return table && /^table-\d{1,3}$/.test(table) ? table : null;
}

/** The table of a session the browser has joined. */
export function SessionTable({ sessionId, initialView, identity, justJoined = false }: SessionTableProps) {
  const state = useControlStore((s) => s.state);
  const peers = useTableStore((s) => s.peers);
  const [visit, setVisit] = useState(requestedVisit);
  const [inviteCode, setInviteCode] = useInviteCode(sessionId, identity);
  // Who you are stays as the first answer said (later answers only bring other people's names).
  const role = initialView.you.role;
  // A visiting host's state names the visited table; where they sit is decided by the seating.
  const ownState = useMemo(() => (state ? ownPlace(state, initialView.you.participantId) : null), [state, initialView.you.participantId]);
  const docName = useTableDocName(sessionId, ownState, role === 'host' ? visit : null);
  // People on the table and seated at it: the page learns the names of newcomers among them (the table host greets them by name).
  const shownTable = state?.table ?? null;
  const tableMembers = useMemo(() => (shownTable?.id === docName ? shownTable.members : []), [shownTable, docName]);
  const seen = useMemo(() => [...peers.map((p) => p.participantId), ...tableMembers], [peers, tableMembers]);
  const [view, setView] = useSessionView(sessionId, identity.token, initialView, seen);
  const you = view.participants.find((p) => p.participantId === view.you.participantId);
  const name = you?.name ?? identity.name;
  const speaking = useSpeaking(view.you.participantId);
  const closed = useTableStore((s) => s.closed);
  const observing = !canWrite(role);
  // Removed by the host or session deleted: nothing done here can reach the table any more.
  const readOnly = observing || (closed?.ended ?? false);
  const color = colorFor(view.you.participantId, view.participants);
  useHostVisit(visitTarget(state, { participantId: view.you.participantId, role }, visit));
  const connection = useTableConnection(sessionId, identity.token, { name, color, participantId: view.you.participantId, role }, docName, justJoined);
  const openNotes = useOpenNotes(connection?.doc ?? null);
  // The host and whoever facilitates may export the record.
  const canExport = role === 'host' || state?.roles.facilitator === view.you.participantId;
  const plenary = usePlenaryDoc(sessionId, identity.token, state?.convening ?? false, connection);
  const harvest = useHarvest(plenary?.doc ?? null);
  const atPlenary = docName === PLENARY_DOC;
  const voteAddon = useVoteAddon(docName);
  const addon = useMemo(() => combineAddons([voteAddon, ArtifactReactions]), [voteAddon]);
  const reactionViewer = useSessionReactionViewer(view.you.participantId, !readOnly, view.participants, docName);
  // A participant's phone in a convening gets the stacked layout instead of the canvas (client/src/phone),
  // also while the first state is on its way; observers and one-table sessions keep the canvas, and
  // "Show the canvas" opens it anyway.
  const narrow = useNarrowScreen();
  const phoneLayout = narrow && !observing && (state === null || state.convening);
  const [canvasOnPhone, setCanvasOnPhone] = useState(false);
  const phone = phoneLayout && !canvasOnPhone;
  const [timelineOpen, setTimelineOpen] = useState(false);
  const timeline = timelineOpen && !atPlenary && !phone && connection !== null;
  const threadCount = useThreadCount(connection?.doc ?? null);
  const place = state ? placeLabel(state, docName) : null;
  const nameOf = useCallback(
    (participantId: string) => view.participants.find((p) => p.participantId === participantId)?.name ?? 'someone',
    [view.participants],
  );
  const synced = useTableStore((s) => s.synced);
  const storedLocally = useTableStore((s) => s.storedLocally);
  const status = useTableStore((s) => s.status);
  const online = useMemo(() => new Set(peers.map((p) => p.participantId)), [peers]);
  const following = useCanvasUi((s) => s.following);
  const follow = useCanvasUi((s) => s.follow);
  useFollowPresenter(state, peers, view.you.participantId);
  const localUser = useMemo(() => ({ participantId: view.you.participantId, name, color }), [view.you.participantId, name, color]);
  const me = useMemo(() => ({ participantId: view.you.participantId, role }), [view.you.participantId, role]);
  useSectionFollows(state, !phone);
  const privateLayer = usePrivateLayer({ sessionId, token: identity.token, docName, user: localUser, canWrite: !readOnly });
  useScribeNotes(connection?.doc ?? null, synced, { participantId: view.you.participantId, name }, connection?.docName);
  // People at the table who can hold a protocol role: present (in presence) and not observers.
  const roleHolders = useMemo(
    () =>
      view.participants
        .filter((p) => p.role !== 'observer' && (online.has(p.participantId) || p.participantId === view.you.participantId))
        .map((p) => ({ participantId: p.participantId, name: p.name })),
    [view.participants, online, view.you.participantId],
  );

  useEffect(() => {
    document.title = `${view.title} · Worktable`;
  }, [view.title]);

  // The host removed someone: they leave the list (what they put on the table stays).
  const dropParticipant = useCallback(
    (participantId: string) => setView((current) => ({ ...current, participants: current.participants.filter((p) => p.participantId !== participantId) })),
    [],
  );

  const rejoin = () => {
    forgetIdentity(sessionId);
    navigate(joinPath(sessionId, identity.inviteCode));
  };

  return (
    <div className="page page-session">
      <SkipLinks />
      <ConveningBanners sessionId={sessionId} state={state} me={view.you.participantId} nameOf={nameOf} isHost={role === 'host'} />
      <header className="session-header">
        <div>
          <p className="eyebrow">Session</p>
          <h1 tabIndex={-1}>{view.title}</h1>
          <p className="you">
            You are <strong>{name}</strong> <span className={`badge badge-${role}`}>{roleLabel(role)}</span>
          </p>
          {place && (
            <div className="session-place-row">
              <p className="session-place">{place}</p>
              {role === 'host' && ownState?.convening && ownState.tableId === null && ownState.gathering === Gathering.Tables && (
                <VisitPicker tables={ownState.tables} visit={docName === PLENARY_DOC ? null : docName} onVisit={setVisit} />
              )}
            </div>
          )}
        </div>
        <div className="session-header-side">
          {phoneLayout && (
            <button type="button" className="button ghost" onClick={() => setCanvasOnPhone((shown) => !shown)}>
              {canvasOnPhone ? 'Phone view' : 'Show the canvas'}
            </button>
          )}
          {connection && !timeline && !phone && <FeedbackBoardButton doc={connection.doc} readOnly={readOnly} />}
          {!atPlenary && !phone && <TimelineButton open={timeline} onToggle={() => setTimelineOpen((open) => !open)} />}
          <ParticipationButton sessionId={sessionId} token={identity.token} me={me} />
          {!phone && <ShortcutsButton />}
          {canExport && <ExportButton sessionId={sessionId} token={identity.token} />}
          {role === 'host' && <DeleteSessionButton sessionId={sessionId} title={view.title} token={identity.token} />}
          {role === 'host' && <HostDashboardLink sessionId={sessionId} />}
          <ConnectionStatus />
        </div>
      </header>

      {observing && (
        <div className="banner banner-observer">
          <p>
            <strong>You are observing: read-only.</strong>
          </p>
          <p>You follow the table live but cannot change it.</p>
        </div>
      )}

      <PrivateWritingBanner canWrite={!readOnly} />

      {status === 'offline' && (!closed || closed.retrying) && (synced || storedLocally) && !readOnly && (
        <div className="banner banner-warning" role="status">
          <p>
            <strong>Offline — your changes will sync.</strong> Keep working: everything you do is kept in this browser
            and merges with the table when the connection returns.
          </p>
        </div>
      )}

      {closed && (
        <div className={closed.retrying ? 'banner banner-warning' : 'banner banner-error'} role="alert">
          <p>
            <strong>Connection closed: {closed.reason}.</strong> {closed.advice}
          </p>
          {!closed.retrying && (
            <div className="actions">
              {closed.ended ? (
                <Link className="button secondary" href="/">
                  Go to the home page
                </Link>
              ) : closed.rejoin && identity.inviteCode ? (
                <button type="button" className="button secondary" onClick={rejoin}>
                  Join again
                </button>
              ) : (
                <button type="button" className="button secondary" onClick={() => window.location.reload()}>
                  Reload the page
                </button>
              )}
            </div>
          )}
        </div>
      )}

      <ReactionViewerContext.Provider value={reactionViewer}>
        <div className={phone ? 'session-grid session-grid-phone' : 'session-grid session-grid-canvas'}>
          <div className="session-main">
            {phone ? (
              ownState && <PhonePlace state={ownState} me={view.you.participantId} nameOf={nameOf} />
            ) : (
              <>
                {atPlenary && state?.convening && <HarvestWall cards={harvest} synced={plenary?.synced ?? false} doc={plenary?.doc ?? null} me={{ participantId: view.you.participantId, role }} />}
                <section className={atPlenary ? 'canvas-area is-plenary' : 'canvas-area'} aria-label={atPlenary ? 'The plenary' : 'The table'}>
                  {connection && timeline ? (
                    <TimelineView
                      key={connection.docName}
                      sessionId={sessionId}
                      token={identity.token}
                      docName={connection.docName}
                      tableName={state?.convening ? tableNameOf(state, connection.docName) : 'The table'}
                      liveDoc={connection.doc}
                      user={localUser}
                      readOnly={readOnly}
                      onClose={() => setTimelineOpen(false)}
                    />
                  ) : connection ? (
                    <ArtifactAddon.Provider value={addon}>
                      <ArtifactLabelAddon.Provider value={FeedbackBadge}>
                        <Canvas
                          key={connection.docName}
                          doc={connection.doc}
                          awareness={connection.provider.awareness}
                          sessionId={sessionId}
                          token={identity.token}
                          user={localUser}
                          readOnly={readOnly}
                          ready={synced || storedLocally}
                          place={atPlenary ? 'plenary' : 'table'}
                          layer={privateLayer}
                          viewKey={`${sessionId}/${connection.docName}`}
                        />
                      </ArtifactLabelAddon.Provider>
                    </ArtifactAddon.Provider>
                  ) : (
                    <div className="canvas-shell canvas-placeholder" aria-hidden="true" />
                  )}
                </section>
              </>
            )}
          </div>

          {/* The protocol panel keeps its place in both layouts: it holds the control connection, which must not reopen when the layout changes. */}
          <aside
            className={phone ? 'sidebar' : 'sidebar is-sectioned'}
            tabIndex={-1}
            aria-label={phone ? 'Timer and what you can add' : 'Protocol, feedback and people'}
          >
            <ProtocolPanel
              sessionId={sessionId}
              token={identity.token}
              me={me}
              participants={roleHolders}
              openNotes={openNotes}
              sectioned={!phone}
              phaseFirst={
                !phone && connection && state?.status === 'done' && !state.convening ? (
                  <EndSummary doc={connection.doc} focus={state.focus} protocol={builtInProtocol(state.protocolId)} me={{ participantId: view.you.participantId, name }} readOnly={readOnly} exportButton={canExport ? <ExportButton sessionId={sessionId} token={identity.token} /> : undefined} />
                ) : undefined
              }
              phaseLast={
                !phone ? (
                  <>
                    {state?.convening && state.round > 0 && (
                      <HarvestPanel
                        state={state}
                        docName={docName}
                        plenary={plenary}
                        cards={harvest}
                        me={{ participantId: view.you.participantId, name, role }}
                        nameOf={nameOf}
                      />
                    )}
                    {state?.convening && state.round > 1 && !atPlenary && connection && <TableHistory state={state} doc={connection.doc} docName={docName} cards={harvest} />}
                  </>
                ) : undefined
              }
              afterBanner={
                phone ? (
                  <PhoneActions
                    state={state}
                    ownState={ownState}
                    docName={docName}
                    doc={connection?.doc ?? null}
                    plenary={plenary}
                    cards={harvest}
                    user={localUser}
                    me={me}
                    layer={privateLayer}
                    readOnly={readOnly}
                    nameOf={nameOf}
                  />
                ) : (
                  <SideTabs counts={{ feedback: threadCount, people: peers.length }} />
                )
              }
            />
            {!phone && (
              <>
                <SideSectionPanel section="feedback">
                  {connection && !timeline ? (
                    <SelectedFeedback doc={connection.doc} author={{ participantId: view.you.participantId, name }} readOnly={readOnly} />
                  ) : (
                    <p className="muted">Feedback shows here for the item you select on the table.</p>
                  )}
                </SideSectionPanel>
                <SideSectionPanel section="notes">
                  {!canRunControls(state, me) && !state?.vote && !state?.privateWriting && (
                    <p className="muted">Private writing and dot votes show here when the facilitator starts them.</p>
                  )}
                  {runsPrivateWriting(state, me) && <PrivateWritingControls me={me} />}
                  <VotePanel doc={connection?.doc ?? null} docName={docName} me={me} />
                </SideSectionPanel>
                <SideSectionPanel section="people">
                  <section className="card" aria-labelledby="here-heading">
                    <h2 id="here-heading">Here now</h2>
                    <PresenceList peers={peers} following={following} onFollow={follow} speaking={speaking} />
                  </section>
                  <ParticipantsCard
                    participants={view.participants}
                    youId={view.you.participantId}
                    online={online}
                    removal={role === 'host' ? { sessionId, token: identity.token, onRemoved: dropParticipant } : undefined}
                  />
                  {role === 'host' && inviteCode && <InviteCard sessionId={sessionId} token={identity.token} inviteCode={inviteCode} onNewCode={setInviteCode} />}
                  {role === 'host' && <SessionSettings />}
                </SideSectionPanel>
              </>
            )}
          </aside>
        </div>
      </ReactionViewerContext.Provider>
    </div>
  );
}
