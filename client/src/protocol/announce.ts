/**
 * What the screen-reader live region says when the run changes: phase changes, the last minute,
 * time up, pause and resume, and role changes that concern you. Pure: the announcer compares two
 * snapshots (the server's state with `remainingMs` refreshed from the local clock). Never per second.
 */
import { Advance, RunStatus, type SessionState } from '@worktable/shared';
import { formatDuration, LAST_MINUTE_MS } from './clock.js';
import { joinRoles, rolesOf, SPEAKERS_SENTENCE } from './labels.js';

function samePhase(a: SessionState, b: SessionState): boolean {
  return (
    a.phase !== null &&
    b.phase !== null &&
    a.phaseIndex === b.phaseIndex &&
    a.phase.id === b.phase.id &&
    a.protocolRound === b.protocolRound
  );
}

function phaseText(state: SessionState): string | null {
  const phase = state.phase;
  if (!phase) return null;
  const round = state.protocolRounds > 1 && state.protocolRound > 0 ? ` Round ${state.protocolRound} of ${state.protocolRounds}.` : '';
  return `Now: ${phase.title}, ${formatDuration(phase.durationMs)}.${round} ${SPEAKERS_SENTENCE[phase.speakers]}`;
}

function runText(previous: SessionState, next: SessionState): string | null {
  if (next.status === RunStatus.Done) return previous.status === RunStatus.Done ? null : 'Protocol complete.';
  if (next.status === RunStatus.Lobby || !next.phase) return null;
  const started = previous.status === RunStatus.Lobby || previous.status === RunStatus.Done;
  if (started || !samePhase(previous, next)) return phaseText(next);
  const before = previous.phase;
  const now = next.phase;
  if (!before) return null;
  if (previous.status === RunStatus.Running && next.status === RunStatus.Paused) return 'Paused.';
  if (previous.status === RunStatus.Paused && next.status === RunStatus.Running) return 'Resumed.';
  if (next.status !== RunStatus.Running) return null;
  // Said once: when our countdown reaches 0 on a phase that waits, or when the server marks it
  // over before our countdown got there. Auto phases announce the next phase instead.
  if (before.remainingMs > 0 && !before.over && (now.over || (now.remainingMs <= 0 && now.advance === Advance.Facilitator))) {
    return 'Time is up.';
  }
  if (before.remainingMs > LAST_MINUTE_MS && now.remainingMs <= LAST_MINUTE_MS && now.remainingMs > 0) return 'One minute left.';
  return null;
}

function roleText(previous: SessionState, next: SessionState, me: string): string | null {
  const had = rolesOf(previous.roles, me);
  const has = rolesOf(next.roles, me);
  const gained = has.filter((role) => !had.includes(role));
  const lost = had.filter((role) => !has.includes(role));
  const parts: string[] = [];
  if (gained.length > 0) parts.push(`You are now ${joinRoles(gained)}.`);
  if (lost.length > 0) parts.push(`You are no longer ${joinRoles(lost)}.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The announcement for going from `previous` to `next` as participant `me`, or null when nothing
 * worth saying happened (including the very first state: the banner is there to read).
 */
export function announcementFor(previous: SessionState | null, next: SessionState, me: string): string | null {
  if (!previous) return null;
  const parts = [runText(previous, next), roleText(previous, next, me)].filter((text): text is string => text !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Whether a phase just ended between two snapshots (for the chime and the visual cue): its local
 * countdown reached zero, or it handed over to the next phase at its deadline (an auto advance
 * whose new state arrived before our countdown showed 0).
 */
export function isPhaseEnd(previous: SessionState | null, next: SessionState, toleranceMs = 1500): boolean {
  if (!previous || previous.status !== RunStatus.Running || !previous.phase) return false;
  if (samePhase(previous, next)) {
    return (
      next.status === RunStatus.Running &&
      next.phase !== null &&
      previous.phase.remainingMs > 0 &&
      (next.phase.remainingMs <= 0 || next.phase.over)
    );
  }
  return previous.phase.remainingMs > 0 && previous.phase.remainingMs <= toleranceMs && previous.phase.advance === Advance.Auto;
}
