/**
 * Where your call is, from the run state: your table's while the tables are at work; while
 * everyone is together, the plenary's audio call — unless the host gave the convening a call
 * link, which the plenary then uses (a mesh does not carry a big room); and the microphone the
 * phase asks for. Pure.
 */
import { micPolicy, type CallScope, type MicPolicy, type SessionState } from '@worktable/shared';
import { isTogether } from '../convening/agendaView.js';

/** The call you would be in now. */
export interface CallPlace {
  scope: CallScope;
  /** Your table (null in the plenary's call). */
  tableId: string | null;
}

/** The call you would be in now, or null (at no table, or the plenary is on the convening's call link). */
export function callPlaceOf(state: SessionState | null): CallPlace | null {
  if (!state) return null;
  if (state.convening && isTogether(state)) return state.callLink ? null : { scope: 'plenary', tableId: null };
  return state.tableId === null ? null : { scope: 'table', tableId: state.tableId };
}

/** One string per call (`table:<id>`, `plenary`), or '' for none: what the page compares. */
export function callKeyOf(place: CallPlace | null): string {
  if (!place) return '';
  return place.scope === 'plenary' ? 'plenary' : `table:${place.tableId ?? ''}`;
}

/** A key that changes when a new phase starts at your table (the moment the protocol sets microphones). */
export function phaseKeyOf(state: SessionState | null): string {
  if (!state || state.status === 'lobby') return '';
  return `${state.tableId ?? '-'}/${state.round}/${state.protocolRound ?? 0}/${state.phaseIndex}/${state.phase?.speakers ?? ''}`;
}

/** The microphone the current phase asks of `me` (the presenter listens while the group talks). */
export function phaseMicPolicy(state: SessionState | null, me: string): MicPolicy {
  if (state?.status !== 'running' || !state.phase) return micPolicy(null, false);
  return micPolicy(state.phase.speakers, state.roles.presenter === me);
}
