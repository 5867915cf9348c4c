/**
 * Your role(s) this phase and one sentence of what to do now (the phase, the clock, newcomers at
 * your table), who holds each role, who facilitates next, "Pass my role" for a role you hold, and
 * for the scribe "Open the notes".
 */
import { useId, useState } from 'react';
import { ClockMode, REFLECTION_PHASE_IDS, RunStatus, Speakers, type RoleName, type SessionState } from '@worktable/shared';
import { ListeningNotes } from './ListeningNotes.js';
import { rolesInPlay } from './controls.js';
import { memberGuidance, roleGuidance, roleTitle, rolesOf, type RoleSituation } from './labels.js';
import { nameOf, type ProtocolParticipant } from './people.js';
import { useAction, type SendAction } from './useAction.js';
import { shownTableOf } from '../convening/place.js';

/** Props of `RoleCard`. */
export interface RoleCardProps {
  state: SessionState;
  /** The viewer's participant id. */
  me: string;
  participants: readonly ProtocolParticipant[];
  send: SendAction;
  /** Opens the run's notes large (the scribe's "Open the notes"); false when there are none yet. */
  openNotes?: () => boolean;
}

/** The viewer's roles and the group's roster. */
export function RoleCard({ state, me, participants, send, openNotes }: RoleCardProps) {
  const { run, busy, error } = useAction(send);
  const [notesMissing, setNotesMissing] = useState(false);
  const headingId = useId();
  const mine = rolesOf(state.roles, me);
  const roster = rolesInPlay(state).filter((role) => state.roles[role] !== undefined);
  const speakers = state.phase?.speakers;
  const active = state.status === RunStatus.Running || state.status === RunStatus.Paused;
  const nextFacilitator = state.rotation.next.facilitator;
  const ownTable = shownTableOf(state);
  const situation: RoleSituation = {
    phaseId: state.phase?.id,
    sharedClock: state.convening && state.clock === ClockMode.Shared,
    round: state.convening ? state.protocolRound : 0,
    newcomers: ownTable?.newcomers.filter((id) => id !== me).length ?? 0,
  };

  const passLabel = (role: RoleName) => (mine.length === 1 ? 'Pass my role' : `Pass the ${roleTitle(role).toLowerCase()} role`);
  const passReason = (role: RoleName) =>
    busy
      ? 'Waiting for the server to answer…'
      : state.locked[role] === me
        ? 'The host locked this role to you.'
        : `Hand the ${roleTitle(role).toLowerCase()} role to the next person in the rota.`;

  return (
    <section className="protocol-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Your role</h2>
      {mine.length > 0 ? (
        <div className="protocol-badges">
          {mine.map((role) => (
            <span key={role} className="protocol-badge">
              {roleTitle(role)}
            </span>
          ))}
        </div>
      ) : (
        <p className="muted">{state.status === RunStatus.Lobby ? 'Roles are given out when the session starts.' : 'No role this time.'}</p>
      )}
      {active && speakers && (
        <>
          {mine.map((role) => (
            <p key={role} className="protocol-guidance">
              {mine.length > 1 && <strong>{roleTitle(role)}: </strong>}
              {roleGuidance(role, speakers, situation)}
            </p>
          ))}
          {mine.length === 0 && <p className="protocol-guidance">{memberGuidance(speakers)}</p>}
          {mine.includes('presenter') && (speakers === Speakers.AllButPresenter || REFLECTION_PHASE_IDS.has(state.phase?.id ?? '')) && (
            <ListeningNotes owner={me} />
          )}
        </>
      )}
      {openNotes && mine.includes('scribe') && active && (
        <div className="protocol-row">
          <button type="button" className="button secondary" onClick={() => setNotesMissing(!openNotes())}>
            Open the notes
          </button>
          {notesMissing && (
            <span className="protocol-count">The notes document appears on the table with the phase’s heading in a moment.</span>
          )}
        </div>
      )}
      {mine.length > 0 && state.status !== RunStatus.Done && (
        <div className="protocol-row">
          {mine.map((role) => (
            <button
              key={role}
              type="button"
              className="button ghost"
              disabled={busy || state.locked[role] === me}
              title={passReason(role)}
              onClick={() => void run({ action: 'pass', role })}
            >
              {passLabel(role)}
            </button>
          ))}
        </div>
      )}
      {roster.length > 0 && (
        <dl className="protocol-roster" aria-label="Roles in the group">
          {roster.map((role) => (
            <div key={role}>
              <dt>{roleTitle(role)}</dt>
              <dd>{nameOf(participants, state.roles[role], me)}</dd>
            </div>
          ))}
        </dl>
      )}
      {nextFacilitator && state.status !== RunStatus.Done && (
        <p className="protocol-rota">Next facilitator: {nameOf(participants, nextFacilitator, me)}</p>
      )}
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
