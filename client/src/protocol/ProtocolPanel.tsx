/**
 * The protocol panel for the table page: opens the session's control connection while mounted
 * and shows the phase banner with its countdown to everyone; the offer, your role, the ready
 * toggle and (for the facilitator and the host) the controls to participants. Screen readers get
 * a polite live region with phase changes, the last minute, time up, pause/resume and your roles;
 * a chime and a brief highlight mark the end of a phase.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { RoleName, SessionState } from '@worktable/shared';
import { useControlStore } from './controlConnection.js';
import { useControlChannel } from './useControlChannel.js';
import { awayFromTables } from '../convening/agendaView.js';
import { OfferBanner } from './OfferBanner.js';
import { canRunControls, type ProtocolMe, type ProtocolParticipant } from './people.js';
import { PhaseBanner, PhaseDetails } from './PhaseBanner.js';
import { ReadyToggle } from './ReadyToggle.js';
import { RoleCard } from './RoleCard.js';
import { FocusQuestion } from './FocusQuestion.js';
import { useTableCall } from '../call/useTableCall.js';
import { playChime, useAudioUnlock, useSoundPreference } from './sound.js';
import { SoundToggle } from './SoundToggle.js';
import { useAnnouncer } from './useAnnouncer.js';
import { useRemaining } from './useRemaining.js';
import { SideSectionPanel } from '../sidePanel/SideSections.js';
import { useStickyTop } from '../sidePanel/useStickyTop.js';
import { lazyPart } from '../components/Loading.js';
import './protocol.css';

// Loaded when first shown (issue #20): the controls only for whoever runs the table, the call's
// card once the state is here, the speaking queue only in convenings.
const FacilitatorControls = lazyPart(() => import('./FacilitatorControls.js').then((m) => m.FacilitatorControls));
const CallCard = lazyPart(() => import('../call/CallCard.js').then((m) => m.CallCard));
const SpeakingCard = lazyPart(() => import('../talk/SpeakingCard.js').then((m) => m.SpeakingCard));

/** Everyone is together in a plenary part of the agenda (the host runs it), or the agenda is over: nobody marks ready or holds a table role. */
const inPlenaryBlock = (state: SessionState): boolean => awayFromTables(state);

/** Props of `ProtocolPanel`. */
export interface ProtocolPanelProps {
  sessionId: string;
  /** The viewer's bearer token (socket.io `auth`). */
  token: string;
  me: ProtocolMe;
  /** Present people who can hold roles (no observers), with display names. */
  participants: readonly ProtocolParticipant[];
  /** The protocol's roles, if the page has the protocol (fills the Assign form's role list in the lobby). */
  protocolRoles?: readonly RoleName[];
  /** Shown right under the phase and its timer, before the roles and controls (the phone's actions). */
  afterBanner?: ReactNode;
  /** Opens the run's notes document large on the canvas; false when there is none yet (the scribe's button). */
  openNotes?: () => boolean;
  /**
   * The side panel is in sections: the phase, its timer and `afterBanner` (the tabs) stay on top,
   * everything else is the Phase section (with `phaseFirst` and `phaseLast` around it).
   */
  sectioned?: boolean;
  /** Shown first in the Phase section (the end summary). */
  phaseFirst?: ReactNode;
  /** Shown last in the Phase section (the timeline). */
  phaseLast?: ReactNode;
}

/** What `useStickyTop` measures when the panel is not in sections: nothing. */
const NO_TOP = { current: null };

/** How long the banner stays highlighted after a phase ends. */
const FLASH_MS = 2_500;

/** Everything about the running protocol, for one viewer. */
export function ProtocolPanel({
  sessionId,
  token,
  me,
  participants,
  protocolRoles,
  afterBanner,
  openNotes,
  sectioned = false,
  phaseFirst,
  phaseLast,
}: ProtocolPanelProps) {
  const send = useControlChannel(sessionId, token);

  const state = useControlStore((s) => s.state);
  const offsetMs = useControlStore((s) => s.offsetMs);
  const connected = useControlStore((s) => s.connected);
  const lastError = useControlStore((s) => s.lastError);
  const remainingMs = useRemaining(state, offsetMs);

  useAudioUnlock();
  const [soundOn, setSoundOn] = useSoundPreference();
  const [flash, setFlash] = useState(false);
  const soundRef = useRef(soundOn);
  soundRef.current = soundOn;
  const onPhaseEnd = useCallback(() => {
    if (soundRef.current) playChime();
    setFlash(true);
  }, []);
  useEffect(() => {
    if (!flash) return;
    const timer = window.setTimeout(() => setFlash(false), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flash]);
  const announcement = useAnnouncer(state, remainingMs, me.participantId, onPhaseEnd);
  // The call lives as long as the panel (which holds the control connection), whatever the layout.
  const call = useTableCall(sessionId, state, me);

  const observer = me.role === 'observer';
  const controls = state !== null && canRunControls(state, me);
  const ready = state &&
    !observer &&
    state.roles.facilitator !== me.participantId &&
    !inPlenaryBlock(state) &&
    state.gathering !== 'plenary' && <ReadyToggle state={state} me={me.participantId} participants={participants} send={send} />;
  const topRef = useRef<HTMLDivElement>(null);
  useStickyTop(sectioned ? topRef : NO_TOP);
  const top = (
    <>
      {lastError ? (
        <p className="alert protocol-error" role="alert">
          {lastError}
        </p>
      ) : (
        state &&
        !connected && (
          <p className="protocol-status-line" role="status">
            Reconnecting… the timer may be out of date.
          </p>
        )
      )}
      {state && !inPlenaryBlock(state) && <FocusQuestion state={state} me={me} participants={participants} send={send} />}
      <PhaseBanner state={state} remainingMs={remainingMs} flash={flash} compact={sectioned} />
    </>
  );
  const details = (
    <>
      {phaseFirst}
      {sectioned && state && <PhaseDetails state={state} />}
      <div className="protocol-row protocol-sound-row">
        <SoundToggle on={soundOn} onChange={setSoundOn} />
      </div>
      {!sectioned && afterBanner}
      {state && !observer && (
        <>
          <OfferBanner state={state} me={me.participantId} send={send} />
          <CallCard state={state} me={me} participants={participants} call={call} />
          {controls && (
            <FacilitatorControls
              state={state}
              isHost={me.role === 'host'}
              participants={participants}
              send={send}
              protocolRoles={protocolRoles}
            />
          )}
          {!sectioned && ready}
          {!inPlenaryBlock(state) && (
            <RoleCard state={state} me={me.participantId} participants={participants} send={send} openNotes={openNotes} />
          )}
          {state.convening && <SpeakingCard state={state} me={me} participants={participants} offsetMs={offsetMs} />}
        </>
      )}
      {phaseLast}
    </>
  );
  return (
    <div className="protocol-panel">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement && <p key={announcement.id}>{announcement.text}</p>}
      </div>
      {sectioned ? (
        <>
          <div className="protocol-top" ref={topRef}>
            {top}
            {ready}
            {afterBanner}
          </div>
          <SideSectionPanel section="phase">{details}</SideSectionPanel>
        </>
      ) : (
        <>
          {top}
          {details}
        </>
      )}
    </div>
  );
}
