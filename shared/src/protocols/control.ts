/**
 * The session's control state and its transitions, as pure functions of (state, action, now).
 * The server runs them authoritatively and persists every result; the client uses the same code
 * to display. No clock, timer or randomness inside: `now`, presence and the seed are inputs.
 *
 * Time is kept as an absolute deadline (`endsAt`, server epoch ms), never as a ticking counter.
 */
import { Advance, RotateAt, type Protocol, type RoleName } from './definition.js';
import { assignRoles, countAssignments, type RoleCounts, type RoleHolders } from './rotation.js';
import { timelineOf, type TimelineStep } from './timeline.js';

/** Where a run is. */
export const RunStatus = {
  Lobby: 'lobby',
  Running: 'running',
  Paused: 'paused',
  Done: 'done',
} as const;
/** One of `RunStatus`. */
export type RunStatus = (typeof RunStatus)[keyof typeof RunStatus];

/** The persisted control state of one run of a protocol. */
export interface ControlState {
  /** Incremented by every change; clients ignore older states. */
  version: number;
  protocolId: string;
  status: RunStatus;
  /** Index of the current step in `timelineOf(protocol)`. */
  stepIndex: number;
  /** Running: when the step ends (server epoch ms). Otherwise null. */
  endsAt: number | null;
  /** Paused or in the lobby: time left in the step. */
  remainingMs: number;
  /** A step that waits for the facilitator: when its deadline passed (it is "over"), else null. */
  overAt: number | null;
  roles: RoleHolders;
  /** Roles the host locked to a person. */
  locked: RoleHolders;
  roleCounts: RoleCounts;
  /** Rotations so far (part of the tie-break seed). */
  rotations: number;
  /** Participants who marked themselves done in this step. */
  ready: string[];
  /** The facilitator's seat is offered to these people (they left and the grace period passed). */
  offer: { role: RoleName; to: string[]; since: number } | null;
  /** When the current facilitator was last seen leaving, while they are away. */
  facilitatorAwaySince: number | null;
  seed: number;
  /** When the run finished (server epoch ms): the last deadline, or when it was moved past its end. */
  doneAt?: number | null;
  /** The presenter's focusing question, and whose it is (shown while they present). */
  focus?: { text: string; presenter: string } | null;
}

/** Everything the transitions need to know besides the state. */
export interface ControlContext {
  now: number;
  protocol: Protocol;
  /** Present participants who may hold roles (no observers), in join order. */
  members: readonly string[];
}

/** Control actions (the `control` event's payload). */
export type ControlAction =
  | { action: 'start' }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'next' }
  | { action: 'back' }
  | { action: 'extend'; ms: number }
  | { action: 'rotate' }
  | { action: 'assign'; role: RoleName; participantId: string; lock?: boolean }
  | { action: 'unlock'; role: RoleName }
  | { action: 'ready'; ready: boolean }
  | { action: 'pass'; role: RoleName }
  | { action: 'accept' }
  | { action: 'focus'; text: string };

/** Who asks for an action. */
export interface Actor {
  participantId: string;
  isHost: boolean;
  isObserver: boolean;
}

/** A refused action, with a stable code and a message for people. */
export interface ControlError {
  code: 'forbidden' | 'bad_request' | 'conflict';
  message: string;
}

/** The result of an action. */
export type ControlResult = { ok: true; state: ControlState } | { ok: false; error: ControlError };

/** Longest focusing question. */
export const MAX_FOCUS_CHARS = 300;

/** The focusing question shown at a run: the current presenter's, else none. */
export function focusOf(state: ControlState): string | null {
  const focus = state.focus;
  return focus && focus.presenter === state.roles.presenter ? focus.text : null;
}

/** Longest single extension. */
export const MAX_EXTEND_MS = 60 * 60_000;

/** A fresh run in the lobby. */
export function initialControlState(protocol: Protocol, seed: number): ControlState {
  const first = timelineOf(protocol)[0];
  return {
    version: 1,
    protocolId: protocol.id,
    status: RunStatus.Lobby,
    stepIndex: 0,
    endsAt: null,
    remainingMs: first?.phase.durationMs ?? 0,
    overAt: null,
    roles: {},
    locked: {},
    roleCounts: {},
    rotations: 0,
    ready: [],
    offer: null,
    facilitatorAwaySince: null,
    seed,
  };
}

const fail = (code: ControlError['code'], message: string): ControlResult => ({ ok: false, error: { code, message } });

/** Whether `actor` may run the session's controls: the host, or the current facilitator. */
export function canControl(state: ControlState, actor: Actor): boolean {
  return !actor.isObserver && (actor.isHost || state.roles.facilitator === actor.participantId);
}

/** Deals the roles anew (those in `keep` stay with their holders: the locked ones, by default). */
function rotated(state: ControlState, context: ControlContext, keep: RoleHolders = state.locked): ControlState {
  const roles = assignRoles({
    roles: context.protocol.roles,
    members: context.members,
    counts: state.roleCounts,
    locked: keep,
    seed: state.seed,
    rotation: state.rotations,
  });
  return {
    ...state,
    roles,
    roleCounts: countAssignments(state.roleCounts, roles),
    rotations: state.rotations + 1,
    offer: null,
    facilitatorAwaySince: null,
  };
}

/** Who would hold each role after the next rotation (the rota shown to people). */
export function nextRotation(state: ControlState, context: ControlContext): RoleHolders {
  return assignRoles({
    roles: context.protocol.roles,
    members: context.members,
    counts: state.roleCounts,
    locked: state.locked,
    seed: state.seed,
    rotation: state.rotations,
  });
}

/** Enters step `index` at time `startAt`, keeping running/paused as it is. */
function enterStep(
  state: ControlState,
  steps: TimelineStep[],
  index: number,
  startAt: number,
  context: ControlContext,
  rotate: boolean,
): ControlState {
  const step = steps[index];
  if (!step) return { ...state, status: RunStatus.Done, endsAt: null, remainingMs: 0, overAt: null, ready: [], doneAt: startAt };
  const entered: ControlState = {
    ...state,
    stepIndex: index,
    overAt: null,
    ready: [],
    endsAt: state.status === RunStatus.Running ? startAt + step.phase.durationMs : null,
    remainingMs: step.phase.durationMs,
  };
  return rotate && step.startsRound && context.protocol.rotateAt === RotateAt.Round ? rotated(entered, context) : entered;
}

/**
 * Applies one action by `actor` at `context.now`. Refusals change nothing. Deadlines that passed
 * are caught up first, so an action always applies to the step that is current now.
 */
export function applyControl(previous: ControlState, action: ControlAction, actor: Actor, context: ControlContext): ControlResult {
  const state = catchUp(previous, context);
  const { now } = context;
  const steps = timelineOf(context.protocol);
  const done = (next: ControlState): ControlResult => ({ ok: true, state: { ...next, version: previous.version + 1 } });
  const personal = action.action === 'ready' || action.action === 'pass' || action.action === 'accept' || action.action === 'focus';
  if (actor.isObserver) return fail('forbidden', 'Observers follow the session but cannot change it.');
  if (!personal && !canControl(state, actor)) return fail('forbidden', 'Only the facilitator or the host can do this.');

  switch (action.action) {
    case 'start': {
      if (state.status !== RunStatus.Lobby) return fail('conflict', 'The session has already started.');
      const running: ControlState = { ...state, status: RunStatus.Running };
      // Roles assigned in the lobby stand (the host chose the presenter); only the others are dealt.
      return done(rotated(enterStep(running, steps, 0, now, context, false), context, { ...state.roles, ...state.locked }));
    }
    case 'pause':
      if (state.status !== RunStatus.Running) return fail('conflict', 'Only a running phase can be paused.');
      return done({ ...state, status: RunStatus.Paused, remainingMs: Math.max(0, (state.endsAt ?? now) - now), endsAt: null });
    case 'resume':
      if (state.status !== RunStatus.Paused) return fail('conflict', 'Only a paused phase can be resumed.');
      return done({ ...state, status: RunStatus.Running, endsAt: now + state.remainingMs });
    case 'next':
      if (state.status === RunStatus.Lobby || state.status === RunStatus.Done) return fail('conflict', 'Start the session first.');
      return done(enterStep(state, steps, state.stepIndex + 1, now, context, true));
    case 'back':
      if (state.status === RunStatus.Lobby) return fail('conflict', 'Start the session first.');
      if (state.status === RunStatus.Done) {
        return done(enterStep({ ...state, status: RunStatus.Paused, doneAt: null }, steps, steps.length - 1, now, context, false));
      }
      return done(enterStep(state, steps, Math.max(0, state.stepIndex - 1), now, context, false));
    case 'extend': {
      if (!Number.isInteger(action.ms) || action.ms <= 0 || action.ms > MAX_EXTEND_MS) {
        return fail('bad_request', `ms must be a whole number of milliseconds between 1 and ${MAX_EXTEND_MS}.`);
      }
      if (state.status === RunStatus.Running) {
        const base = state.overAt !== null ? now : (state.endsAt ?? now);
        return done({ ...state, endsAt: base + action.ms, overAt: null });
      }
      if (state.status === RunStatus.Paused || state.status === RunStatus.Lobby)
        return done({ ...state, remainingMs: state.remainingMs + action.ms });
      return fail('conflict', 'The session is over.');
    }
    case 'rotate':
      return done(rotated(state, context));
    case 'assign': {
      if (!context.protocol.roles.includes(action.role)) return fail('bad_request', `This protocol has no ${action.role} role.`);
      if (!context.members.includes(action.participantId)) return fail('bad_request', 'That person is not here or cannot hold a role.');
      const locked = action.lock && actor.isHost ? { ...state.locked, [action.role]: action.participantId } : state.locked;
      return done({
        ...state,
        roles: { ...state.roles, [action.role]: action.participantId },
        locked,
        roleCounts: countAssignments(state.roleCounts, { [action.role]: action.participantId }),
      });
    }
    case 'unlock': {
      if (!actor.isHost) return fail('forbidden', 'Only the host can unlock a role.');
      const locked = { ...state.locked };
      delete locked[action.role];
      return done({ ...state, locked });
    }
    case 'focus': {
      const presenter = state.roles.presenter;
      if (!presenter) return fail('conflict', 'Nobody presents here yet: the presenter asks the focusing question.');
      if (actor.participantId !== presenter && !canControl(state, actor))
        return fail('forbidden', 'The presenter (or the facilitator) sets the focusing question.');
      const text = action.text.trim().replace(/\s+/g, ' ');
      if (text.length > MAX_FOCUS_CHARS) return fail('bad_request', `A focusing question has at most ${MAX_FOCUS_CHARS} characters.`);
      return done({ ...state, focus: text === '' ? null : { text, presenter } });
    }
    case 'ready': {
      if (!context.members.includes(actor.participantId)) return fail('forbidden', 'Join the table to mark yourself ready.');
      // Already so (a double click, a repeat): nothing to store or send.
      if (state === previous && state.ready.includes(actor.participantId) === action.ready) return { ok: true, state };
      const others = state.ready.filter((id) => id !== actor.participantId);
      return done({ ...state, ready: action.ready ? [...others, actor.participantId] : others });
    }
    case 'pass': {
      if (state.roles[action.role] !== actor.participantId) return fail('forbidden', 'You can only pass a role you hold.');
      if (state.locked[action.role] === actor.participantId) return fail('conflict', 'The host locked this role to you.');
      const others = context.members.filter((id) => id !== actor.participantId);
      // Someone who holds no role yet takes it, while there is such a person.
      const holding = new Set(Object.values(state.roles));
      const free = others.filter((id) => !holding.has(id));
      const next = assignRoles({
        roles: [action.role],
        members: free.length > 0 ? free : others,
        counts: state.roleCounts,
        locked: {},
        seed: state.seed,
        rotation: state.rotations,
      });
      const holder = next[action.role];
      if (!holder) return fail('conflict', 'There is nobody to pass the role to.');
      return done({
        ...state,
        roles: { ...state.roles, [action.role]: holder },
        roleCounts: countAssignments(state.roleCounts, { [action.role]: holder }),
      });
    }
    case 'accept': {
      const offer = state.offer;
      if (!offer?.to.includes(actor.participantId)) return fail('forbidden', 'No role is offered to you.');
      return done({
        ...state,
        roles: { ...state.roles, [offer.role]: actor.participantId },
        roleCounts: countAssignments(state.roleCounts, { [offer.role]: actor.participantId }),
        offer: null,
        facilitatorAwaySince: null,
      });
    }
  }
}

/**
 * Processes every deadline that passed by `context.now`: an auto phase hands over to the next at
 * its exact deadline (so a server that was down catches up as if it never stopped); a phase that
 * waits for the facilitator is marked over. Returns the same object when nothing was due.
 */
export function catchUp(state: ControlState, context: ControlContext): ControlState {
  if (state.status !== RunStatus.Running) return state;
  const steps = timelineOf(context.protocol);
  let current = state;
  for (let guard = 0; guard <= steps.length; guard++) {
    const endsAt = current.endsAt;
    if (endsAt === null || endsAt > context.now || current.overAt !== null) break;
    const step = steps[current.stepIndex];
    if (!step) break;
    if (step.phase.advance === Advance.Facilitator) {
      current = { ...current, overAt: endsAt };
      break;
    }
    current = enterStep(current, steps, current.stepIndex + 1, endsAt, context, true);
  }
  return current === state ? state : { ...current, version: state.version + 1 };
}

/** When the server next has to act on its own (the current deadline), or null. */
export function nextDeadline(state: ControlState): number | null {
  return state.status === RunStatus.Running && state.overAt === null ? state.endsAt : null;
}

/**
 * Presence changed: if the facilitator is away for `graceMs`, the seat is offered (never grabbed)
 * to the next in the rota and the host; returns the same object when nothing changes.
 */
export function reviewFacilitator(state: ControlState, context: ControlContext, hostId: string, graceMs: number): ControlState {
  const holder = state.roles.facilitator;
  if (!holder || state.status === RunStatus.Lobby || state.status === RunStatus.Done) return state;
  if (context.members.includes(holder)) {
    return state.facilitatorAwaySince === null && state.offer === null
      ? state
      : { ...state, facilitatorAwaySince: null, offer: null, version: state.version + 1 };
  }
  if (state.facilitatorAwaySince === null) return { ...state, facilitatorAwaySince: context.now, version: state.version + 1 };
  if (state.offer || context.now - state.facilitatorAwaySince < graceMs) return state;
  const others = context.members.filter((id) => id !== holder);
  const next = assignRoles({
    roles: ['facilitator'],
    members: others,
    counts: state.roleCounts,
    locked: {},
    seed: state.seed,
    rotation: state.rotations,
  }).facilitator;
  const to = [...new Set([next, hostId].filter((id): id is string => id !== undefined))];
  return { ...state, offer: { role: 'facilitator', to, since: context.now }, version: state.version + 1 };
}
