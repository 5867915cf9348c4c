/**
 * Where your call is, from the run state: your table's while the tables are at work, none while
 * everyone is together (the plenary uses the convening's call link: a mesh does not carry a
 * room), and the microphone the phase asks for. Pure.
 */
import { micPolicy, type MicPolicy, type SessionState } from '@worktable/shared';
import { isTogether } from '../convening/agendaView.js';

/** The table whose call you are in now, or null (no table, or everyone in the plenary). */
export function callTableOf(state: SessionState | null): string | null {
  if (!state || state.tableId === null) return null;
  return isTogether(state) ? null : state.tableId;
}

/** A key that changes when a new phase starts at your table (the moment the protocol sets microphones). */
export function phaseKeyOf(state: SessionState | null): string {
  if (!state || state.status === 'lobby') return '';
  return `${state.tableId ?? '-'}/${state.round}/${state.protocolRound ?? 0}/${state.phaseIndex}/${state.phase?.speakers ?? ''}`;
}

/** The microphone the current phase asks of `me` (the presenter listens while the group talks). */
export function phaseMicPolicy(state: SessionState | null, me: string): MicPolicy {
  if (!state || state.status !== 'running' || !state.phase) return micPolicy(null, false);
  return micPolicy(state.phase.speakers, state.roles.presenter === me);
}
