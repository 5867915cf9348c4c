/**
 * Controls for the current facilitator and the host: start, pause/resume, extend, back, next
 * (with the ready count and an inline confirmation while people are still working), rotate roles,
 * and assign a role to a person (the host can lock it, and unlock locked roles).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ClockMode, RoleName, RunStatus, type SessionState } from '@worktable/shared';
import { controlAvailability, rolesInPlay, type Availability } from './controls.js';
import { roleTitle } from './labels.js';
import { nameOf, type ProtocolParticipant } from './people.js';
import { readyNames, readySummary } from './ready.js';
import { useAction, type SendAction } from './useAction.js';

/** Props of `FacilitatorControls`. */
export interface FacilitatorControlsProps {
  state: SessionState;
  /** Whether the viewer is the session's host (may lock and unlock roles). */
  isHost: boolean;
  /** People who can hold roles and mark themselves done. */
  participants: readonly ProtocolParticipant[];
  send: SendAction;
  /** The protocol's roles, when the page knows them (the state alone may not list all in the lobby). */
  protocolRoles?: readonly RoleName[];
}

/**
 * A control of the bar. Unavailable is `aria-disabled`, not `disabled`: a disabled button drops
 * the keyboard focus to the page, and these wait on the server for a moment after each press.
 */
function ControlButton({
  label,
  availability,
  onClick,
  primary = false,
  busy,
}: {
  label: string;
  availability: Availability;
  onClick: () => void;
  primary?: boolean;
  busy: boolean;
}) {
  return (
    <button
      type="button"
      className={`button ${primary ? 'primary' : 'ghost'}${busy ? ' is-busy' : ''}`}
      aria-disabled={availability.disabled || undefined}
      title={availability.reason}
      onClick={() => {
        if (!availability.disabled) onClick();
      }}
    >
      {label}
    </button>
  );
}

/** The facilitator's control bar. */
export function FacilitatorControls({ state, isHost, participants, send, protocolRoles }: FacilitatorControlsProps) {
  const { run, busy, error } = useAction(send);
  const can = controlAvailability(state, busy);
  const ready = readySummary(
    state,
    participants.map((p) => p.participantId),
  );
  const [confirming, setConfirming] = useState(false);
  const [confirmingBack, setConfirmingBack] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const phasesRef = useRef<HTMLDivElement>(null);
  /** Set when the focus must come back to the phase buttons once the page settles (never to the page). */
  const refocus = useRef(false);
  const focusPhases = () => {
    const button = phasesRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled):not([aria-disabled="true"])');
    button?.focus();
  };
  /** Closes the Back confirmation; the focus goes to Back (or Next when Back is no longer possible). */
  const closeBack = () => {
    setConfirmingBack(false);
    // Until the server's answer has changed the buttons (a few seconds at most).
    refocus.current = true;
    window.setTimeout(() => (refocus.current = false), 3_000);
    window.requestAnimationFrame(focusPhases);
  };
  // A Back that reached the first phase disables the Back button the focus was on.
  useEffect(() => {
    if (refocus.current && (document.activeElement === document.body || document.activeElement === null)) focusPhases();
  });
  const headingId = useId();

  // A new phase (or everyone ready) makes a pending confirmation moot.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new phase or status is the trigger to drop pending confirmations
  useEffect(() => {
    setConfirming(false);
    setConfirmingBack(false);
  }, [state.phaseIndex, state.status]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (confirmingBack) backRef.current?.focus();
  }, [confirmingBack]);

  const next = () => {
    if (ready.confirm && !confirming) setConfirming(true);
    else {
      setConfirming(false);
      void run({ action: 'next' });
    }
  };
  const running = state.status === RunStatus.Running;
  const lobby = state.status === RunStatus.Lobby;
  // In a convening the agenda starts each part; with one round clock only the host sets the time.
  const agendaStarts = state.convening && lobby;
  const hostKeepsTime = state.convening && !isHost && state.clock === ClockMode.Shared;
  const timing = !agendaStarts && !hostKeepsTime;

  return (
    <section className="protocol-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Facilitate</h2>
      {agendaStarts && <p className="hint">The host starts the agenda; each part starts by itself after that.</p>}
      {hostKeepsTime && (
        <p className="hint">
          One clock runs every table: the host moves everyone on. Keep the conversation on the question and make room for every voice.
        </p>
      )}
      {timing && (
        <div className="protocol-row" role="group" aria-label="Timer">
          {lobby && (
            <ControlButton label="Start" primary availability={can.start} busy={busy} onClick={() => void run({ action: 'start' })} />
          )}
          {!lobby && (
            <ControlButton
              label={running ? 'Pause' : 'Resume'}
              availability={can.pauseResume}
              busy={busy}
              onClick={() => void run({ action: running ? 'pause' : 'resume' })}
            />
          )}
          <ControlButton label="+1 min" availability={can.extend} busy={busy} onClick={() => void run({ action: 'extend', ms: 60_000 })} />
          <ControlButton label="+5 min" availability={can.extend} busy={busy} onClick={() => void run({ action: 'extend', ms: 300_000 })} />
        </div>
      )}
      <div className="protocol-row" role="group" aria-label="Phases" ref={phasesRef}>
        {timing && <ControlButton label="Back" availability={can.back} busy={busy} onClick={() => setConfirmingBack(true)} />}
        {timing && <ControlButton label="Next" primary={!lobby} availability={can.next} busy={busy} onClick={next} />}
        {!lobby && state.status !== RunStatus.Done && <span className="protocol-count">{ready.label}</span>}
        <ControlButton label="Rotate roles" availability={can.rotate} busy={busy} onClick={() => void run({ action: 'rotate' })} />
      </div>
      {!lobby && state.status !== RunStatus.Done && ready.total > 0 && (
        <p className="protocol-ready-names">{readyNames(ready, (id) => nameOf(participants, id))}</p>
      )}
      {confirmingBack && (
        <div className="protocol-confirm" role="group" aria-label="Confirm going back">
          <p>Go back to the previous phase? Its timer starts again from its full time, for everyone at this table.</p>
          <button
            ref={backRef}
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => {
              closeBack();
              void run({ action: 'back' });
            }}
          >
            Go back
          </button>
          <button type="button" className="button ghost" onClick={closeBack}>
            Stay here
          </button>
        </div>
      )}
      {confirming && ready.confirm && (
        <div className="protocol-confirm" role="group" aria-label="Confirm moving on">
          <p>{ready.confirm}</p>
          <button ref={confirmRef} type="button" className="button primary" onClick={next} disabled={busy}>
            Move on
          </button>
          <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
            Keep waiting
          </button>
        </div>
      )}
      <AssignForm
        state={state}
        isHost={isHost}
        participants={participants}
        availability={can.assign}
        run={run}
        protocolRoles={protocolRoles}
      />
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

interface AssignFormProps {
  state: SessionState;
  isHost: boolean;
  participants: readonly ProtocolParticipant[];
  availability: Availability;
  run: ReturnType<typeof useAction>['run'];
  protocolRoles: readonly RoleName[] | undefined;
}

function AssignForm({ state, isHost, participants, availability, run, protocolRoles }: AssignFormProps) {
  const roles = rolesInPlay(state, protocolRoles);
  const fallbackRoles = roles.length > 0 ? roles : [RoleName.Facilitator];
  const [role, setRole] = useState<RoleName>(fallbackRoles[0] ?? RoleName.Facilitator);
  const [person, setPerson] = useState('');
  const [lock, setLock] = useState(false);
  const chosenRole = fallbackRoles.includes(role) ? role : (fallbackRoles[0] ?? RoleName.Facilitator);
  const chosenPerson = participants.some((p) => p.participantId === person) ? person : '';
  const noPerson = chosenPerson === '';
  const locked = (Object.entries(state.locked) as [RoleName, string | undefined][]).filter(([, id]) => id !== undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (noPerson) return;
    void run({ action: 'assign', role: chosenRole, participantId: chosenPerson, ...(isHost && lock ? { lock: true } : {}) }).then(
      (applied) => {
        if (applied) setLock(false);
      },
    );
  };

  return (
    <>
      <form className="protocol-assign" onSubmit={submit} aria-label="Assign a role">
        <label>
          Role
          <select value={chosenRole} onChange={(e) => setRole(e.target.value as RoleName)}>
            {fallbackRoles.map((r) => (
              <option key={r} value={r}>
                {roleTitle(r)}
                {state.roles[r] ? ` (now ${nameOf(participants, state.roles[r])})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select value={chosenPerson} onChange={(e) => setPerson(e.target.value)}>
            <option value="">Choose…</option>
            {participants.map((p) => (
              <option key={p.participantId} value={p.participantId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {isHost && (
          <label className="protocol-check">
            <input type="checkbox" checked={lock} onChange={(e) => setLock(e.target.checked)} /> Lock for every round
          </label>
        )}
        <button
          type="submit"
          className="button secondary"
          disabled={availability.disabled || noPerson}
          title={availability.reason ?? (noPerson ? 'Choose a person first.' : undefined)}
        >
          Assign
        </button>
      </form>
      {state.status === RunStatus.Lobby && (
        <p className="protocol-count">
          Roles you assign now stand when the session starts; lock a role to keep it with the same person in later rounds too.
        </p>
      )}
      {locked.length > 0 && (
        <ul className="protocol-locked" aria-label="Locked roles">
          {locked.map(([r, id]) => (
            <li key={r}>
              <span aria-hidden="true">🔒</span> {roleTitle(r)} locked to {nameOf(participants, id)}
              {isHost && (
                <button
                  type="button"
                  className="protocol-link-button"
                  disabled={availability.disabled}
                  onClick={() => void run({ action: 'unlock', role: r })}
                >
                  Unlock
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
