/** Participants as the protocol UI needs them, and who may run the controls. */
import type { SessionState } from '@worktable/shared';

/** Someone who can hold a role (the panel's `participants` prop: present, non-observer people). */
export interface ProtocolParticipant {
  participantId: string;
  name: string;
}

/** Who is looking at the panel. */
export interface ProtocolMe {
  participantId: string;
  role: 'host' | 'participant' | 'observer';
}

/** The display name of `participantId`: "you" for yourself, "someone" when unknown. */
export function nameOf(participants: readonly ProtocolParticipant[], participantId: string | undefined, me?: string): string {
  if (!participantId) return 'nobody';
  if (participantId === me) return 'you';
  return participants.find((p) => p.participantId === participantId)?.name ?? 'someone';
}

/** Whether `me` may run the session's controls: the host, or the current facilitator (never observers). */
export function canRunControls(state: SessionState | null, me: ProtocolMe): boolean {
  if (me.role === 'observer') return false;
  return me.role === 'host' || (state !== null && state.roles.facilitator === me.participantId);
}

/** Whether the facilitator seat just moved to `me` between two states (not on the first state). */
export function becameFacilitator(previous: SessionState | null, next: SessionState, me: string): boolean {
  return previous !== null && previous.roles.facilitator !== me && next.roles.facilitator === me;
}
