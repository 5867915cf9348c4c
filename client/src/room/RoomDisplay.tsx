/**
 * The room display: what a projector shows a room during a convening, readable from the back.
 * The session's title and a discreet Exit; the current block, the question and the big countdown
 * (`RoomNow`); which table is where (`RoomTableMap`), or "Everyone together" and the live harvest
 * wall during the plenary; the invite's QR code. Phase changes and the summons are announced in
 * polite live regions. Opens the control connection with the host's identity and follows the
 * server; nothing here changes the session.
 */
import { useCallback, useEffect, useMemo, type MouseEvent } from 'react';
import type { SessionView } from '@worktable/shared';
import { ConveningAnnouncer } from '../convening/ConveningAnnouncer.js';
import { HarvestWall } from '../convening/HarvestWall.js';
import { agendaStage, isTogether } from '../convening/agendaView.js';
import { useHarvest } from '../convening/useHarvest.js';
import { usePlenaryDoc } from '../convening/usePlenaryDoc.js';
import { useControlChannel } from '../protocol/useControlChannel.js';
import type { StoredIdentity } from '../identity.js';
import { QrCode } from '../invite/QrCode.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { useAnnouncer } from '../protocol/useAnnouncer.js';
import { useRemaining } from '../protocol/useRemaining.js';
import { dashboardPath, inviteUrl, joinPath } from '../router.js';
import { useSessionView } from '../session/useSessionView.js';
import { isWelcome } from './roomHeadline.js';
import { RoomNow } from './RoomNow.js';
import { RoomTableMap } from './RoomTableMap.js';
import '../protocol/protocol.css';
import './room.css';

/** The room display looks, it never groups or votes: it reads the harvest as an observer would. */
const ROOM_VIEWER = { participantId: '', role: 'observer' } as const;

/** Props of `RoomDisplay`. */
export interface RoomDisplayProps {
  sessionId: string;
  initialView: SessionView;
  /** The host's identity (its token opens the control connection and the plenary). */
  identity: StoredIdentity;
}

/** Nobody in particular: the room's announcements speak to everyone, never of "you". */
const THE_ROOM = '';
const NO_CHIME = () => undefined;

/** Back to the dashboard: closes the window when the dashboard opened it, else goes there. */
function ExitLink({ sessionId }: { sessionId: string }) {
  const exit = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!window.opener) return;
    event.preventDefault();
    window.close();
  };
  return (
    <a className="room-exit" href={dashboardPath(sessionId)} onClick={exit}>
      Exit<span className="visually-hidden"> the room display</span>
    </a>
  );
}

/** The live display. */
export function RoomDisplay({ sessionId, initialView, identity }: RoomDisplayProps) {
  useControlChannel(sessionId, identity.token);
  const state = useControlStore((s) => s.state);
  const dashboard = useControlStore((s) => s.dashboard);
  const offsetMs = useControlStore((s) => s.offsetMs);
  const connected = useControlStore((s) => s.connected);
  const lastError = useControlStore((s) => s.lastError);
  const remainingMs = useRemaining(state, offsetMs);
  const announcement = useAnnouncer(state, remainingMs, THE_ROOM, NO_CHIME);
  // The room display is the host's: the dashboard says who sits where at every table.
  const seated = useMemo(() => dashboard?.tables.flatMap((t) => t.members) ?? [], [dashboard?.tables]);
  const [view] = useSessionView(sessionId, identity.token, initialView, seated);
  const nameOf = useCallback(
    (participantId: string) => view.participants.find((p) => p.participantId === participantId)?.name ?? null,
    [view.participants],
  );
  const plenary = usePlenaryDoc(sessionId, identity.token, state?.convening ?? false, null);
  const cards = useHarvest(plenary?.doc ?? null);
  const invite = identity.inviteCode ? inviteUrl(sessionId, identity.inviteCode) : null;
  const together = state?.convening && (isTogether(state) || agendaStage(state) === 'over');
  // Before anyone is seated the invite is what the room needs most: the code is shown big.
  const welcome = state !== null && isWelcome(state);

  useEffect(() => {
    document.title = `Room display · ${view.title} · Worktable`;
  }, [view.title]);

  return (
    <div className={`room${together ? ' is-together' : ''}${welcome ? ' is-welcome' : ''}`}>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="room-announcer">
        {announcement && <p key={announcement.id}>{announcement.text}</p>}
      </div>
      <ConveningAnnouncer state={state} me={THE_ROOM} />
      <header className="room-top">
        <h1 tabIndex={-1} className="room-title">
          {view.title}
        </h1>
        {lastError ? (
          <p className="room-offline" role="alert">
            {lastError}
          </p>
        ) : (
          state &&
          !connected && (
            <p className="room-offline" role="status">
              Reconnecting… the timer may be out of date.
            </p>
          )
        )}
        <ExitLink sessionId={sessionId} />
      </header>
      {state ? (
        <RoomNow state={state} remainingMs={remainingMs} />
      ) : (
        <p className="room-waiting" aria-busy="true">
          Connecting to the session…
        </p>
      )}
      <div className="room-bottom">
        {state &&
          (together ? (
            <section className="room-together" aria-labelledby="room-together-heading">
              <h2 id="room-together-heading" className="room-section-title">
                Everyone together
              </h2>
              <HarvestWall cards={cards} synced={plenary?.synced ?? false} filterable={false} doc={plenary?.doc ?? null} me={ROOM_VIEWER} />
            </section>
          ) : (
            state.convening && <RoomTableMap state={state} nameOf={nameOf} tables={dashboard?.tables ?? null} offsetMs={offsetMs} />
          ))}
        {invite && (
          <aside className="room-invite" aria-labelledby="room-invite-heading">
            <h2 id="room-invite-heading" className="room-section-title">
              Scan to join
            </h2>
            <QrCode text={invite} label="QR code of the invite link" className="room-qr" />
            <p className="room-invite-url">
              {window.location.host}
              {joinPath(sessionId)}
              <br />
              code <strong>{identity.inviteCode}</strong>
            </p>
          </aside>
        )}
      </div>
    </div>
  );
}
