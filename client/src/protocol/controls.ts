/** Which facilitator controls are possible now, and why not (shown as the disabled button's title). */
import { RoleName, RunStatus, type RoleHolders, type SessionState } from '@worktable/shared';

/** A control's availability: enabled, or disabled with a reason for people. */
export interface Availability {
  disabled: boolean;
  reason: string | undefined;
}

/** The facilitator controls. */
export type ControlName = 'start' | 'pauseResume' | 'extend' | 'back' | 'next' | 'rotate' | 'assign';

const ok: Availability = { disabled: false, reason: undefined };
const no = (reason: string): Availability => ({ disabled: true, reason });

/** Availability of each control in `state`; everything waits while another action is `busy`. */
export function controlAvailability(state: SessionState, busy: boolean): Record<ControlName, Availability> {
  if (busy) {
    const wait = no('Waiting for the server to answer…');
    return { start: wait, pauseResume: wait, extend: wait, back: wait, next: wait, rotate: wait, assign: wait };
  }
  const { status } = state;
  const lobby = status === RunStatus.Lobby;
  const done = status === RunStatus.Done;
  return {
    start: lobby ? ok : no('The session has already started.'),
    pauseResume:
      status === RunStatus.Running || status === RunStatus.Paused ? ok : no(lobby ? 'Start the session first.' : 'The session is over.'),
    extend: done ? no('The session is over.') : ok,
    back: lobby ? no('Start the session first.') : !done && state.phaseIndex === 0 ? no('This is the first phase.') : ok,
    next: lobby ? no('Start the session first.') : done ? no('The session is over.') : ok,
    rotate: lobby ? no('Roles are given out when the session starts.') : done ? no('The session is over.') : ok,
    assign: ok,
  };
}

/**
 * Roles the protocol uses, in canonical order: `protocolRoles` when known, plus whatever the state
 * shows (held now, in the rota, or locked). In the lobby the state may show only some of them.
 */
export function rolesInPlay(state: SessionState, protocolRoles: readonly RoleName[] = []): RoleName[] {
  const present = (holders: RoleHolders) => Object.keys(holders);
  const used = new Set<string>([...protocolRoles, ...present(state.roles), ...present(state.rotation.next), ...present(state.locked)]);
  return (Object.values(RoleName) as RoleName[]).filter((role) => used.has(role));
}
