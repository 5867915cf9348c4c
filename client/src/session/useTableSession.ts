/**
 * What every part of the table page shares, in one object (`TableSession`): who you are at the
 * table, where you are (your table, the plenary, a visited table), the open document, the people
 * here and the page's layout. `useTableSession` gathers it from each feature's hook, so the parts
 * (the header, the canvas area, the side panel's sections) take the table and nothing else, the
 * way the artifact registry gives each artifact kind the same props.
 */
import { useCallback, useEffect, useMemo, type Dispatch, type SetStateAction } from 'react';
import { PLENARY_DOC, canWrite, type HarvestCard, type SessionRole, type SessionView } from '@worktable/shared';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from '../canvas/canvasLayer.js';
import { useHarvest } from '../convening/useHarvest.js';
import { usePlenaryDoc, type PlenaryDoc } from '../convening/usePlenaryDoc.js';
import { useTablePlace, type TablePlace } from '../convening/useTablePlace.js';
import { useTimeline, type TimelineToggle } from '../history/useTimeline.js';
import type { StoredIdentity } from '../identity.js';
import { useInviteCode } from '../invite/InviteCard.js';
import { usePhoneLayout, type PhoneLayout } from '../phone/usePhoneLayout.js';
import { usePrivateLayer } from '../privateWriting/usePrivateLayer.js';
import { useControlStore } from '../protocol/controlConnection.js';
import type { ProtocolMe } from '../protocol/people.js';
import type { SessionView as LiveSession } from '../protocol/sessionView.js';
import { colorFor } from './colors.js';
import { useTableStore, type PresentPeer, type TableConnection } from './tableConnection.js';
import { useTableConnection } from './useTableConnection.js';
import { useSessionView } from './useSessionView.js';

/** What the table page opens with (the props of `SessionTable`). */
export interface TableOpening {
  sessionId: string;
  initialView: SessionView;
  identity: StoredIdentity;
  /** This browser joined the session just now (it keeps no copy of the table yet). */
  justJoined: boolean;
}

/** The table as every part of the page sees it. */
export interface TableSession {
  sessionId: string;
  token: string;
  identity: StoredIdentity;
  /** The live session from the control channel (null until the first state arrives). */
  state: LiveSession | null;
  /** Where you are: the document shown, your own place, the header's label. */
  place: TablePlace;
  /** The document shown is the plenary's. */
  atPlenary: boolean;
  /** The shown document, once open. */
  connection: TableConnection | null;
  /** The plenary's document and its harvest, in a convening. */
  plenary: PlenaryDoc | null;
  harvest: HarvestCard[];
  /** The session as the API describes it (title, participants), kept current. */
  view: SessionView;
  /** Your role: as the first answer said (later answers only bring other people's names). */
  role: SessionRole;
  name: string;
  me: ProtocolMe;
  /** You as the canvas shows you. */
  localUser: LocalUser;
  /** The name of a participant ("someone" when unknown). */
  nameOf(participantId: string): string;
  /** People connected to the table now, and their participant ids. */
  peers: PresentPeer[];
  online: ReadonlySet<string>;
  observing: boolean;
  /** Observing, removed by the host or session deleted: nothing done here can reach the table. */
  readOnly: boolean;
  /** The host and whoever facilitates may export the record. */
  canExport: boolean;
  /** Your private notes over the canvas (client/src/privateWriting). */
  privateLayer: CanvasLayer | undefined;
  layout: PhoneLayout;
  timeline: TimelineToggle;
  /** The invite code the host shares, and its replacement after a new link. */
  inviteCode: string | undefined;
  setInviteCode(inviteCode: string): void;
  /** The host removed someone: they leave the list (what they put on the table stays). */
  dropParticipant(participantId: string): void;
}

/** Props of the table page's parts (header, canvas area, side sections): the table. */
export interface TablePartProps {
  table: TableSession;
}

/** The people the page should know by name: those on the table and those seated at it (the table host greets newcomers). */
function useSeenPeople(state: LiveSession | null, docName: string, peers: readonly PresentPeer[]): string[] {
  const shownTable = state?.table ?? null;
  const tableMembers = useMemo(() => (shownTable?.id === docName ? shownTable.members : []), [shownTable, docName]);
  return useMemo(() => [...peers.map((p) => p.participantId), ...tableMembers], [peers, tableMembers]);
}

/** Removes a participant from `setView`'s list. */
function useDropParticipant(setView: Dispatch<SetStateAction<SessionView>>): (participantId: string) => void {
  return useCallback(
    (participantId: string) =>
      setView((current) => ({ ...current, participants: current.participants.filter((p) => p.participantId !== participantId) })),
    [setView],
  );
}

/** The table of `opening`, as every part of the page sees it. */
export function useTableSession({ sessionId, initialView, identity, justJoined }: TableOpening): TableSession {
  const { token } = identity;
  const state = useControlStore((s) => s.state);
  const peers = useTableStore((s) => s.peers);
  const closed = useTableStore((s) => s.closed);
  const [inviteCode, setInviteCode] = useInviteCode(sessionId, identity);
  const role = initialView.you.role;
  const participantId = initialView.you.participantId;
  const place = useTablePlace(sessionId, state, participantId, role);
  const { docName } = place;
  const [view, setView] = useSessionView(sessionId, token, initialView, useSeenPeople(state, docName, peers));
  const name = view.participants.find((p) => p.participantId === participantId)?.name ?? identity.name;
  const observing = !canWrite(role);
  const readOnly = observing || (closed?.ended ?? false);
  const color = colorFor(participantId, view.participants);
  const connection = useTableConnection(sessionId, token, { name, color, participantId, role }, docName, justJoined);
  const plenary = usePlenaryDoc(sessionId, token, state?.convening ?? false, connection);
  const harvest = useHarvest(plenary?.doc ?? null);
  const atPlenary = docName === PLENARY_DOC;
  const layout = usePhoneLayout(observing, state);
  const timeline = useTimeline(!atPlenary && !layout.phone && connection !== null);
  const nameOf = useCallback(
    (someone: string) => view.participants.find((p) => p.participantId === someone)?.name ?? 'someone',
    [view.participants],
  );
  const online = useMemo(() => new Set(peers.map((p) => p.participantId)), [peers]);
  const localUser = useMemo(() => ({ participantId, name, color }), [participantId, name, color]);
  const me = useMemo(() => ({ participantId, role }), [participantId, role]);
  const privateLayer = usePrivateLayer({ sessionId, token, docName, user: localUser, canWrite: !readOnly });
  const dropParticipant = useDropParticipant(setView);

  useEffect(() => {
    document.title = `${view.title} · Worktable`;
  }, [view.title]);

  return {
    sessionId,
    token,
    identity,
    state,
    place,
    atPlenary,
    connection,
    plenary,
    harvest,
    view,
    role,
    name,
    me,
    localUser,
    nameOf,
    peers,
    online,
    observing,
    readOnly,
    canExport: role === 'host' || state?.roles.facilitator === participantId,
    privateLayer,
    layout,
    timeline,
    inviteCode,
    setInviteCode,
    dropParticipant,
  };
}
