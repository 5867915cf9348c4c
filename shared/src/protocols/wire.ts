/**
 * The control channel's wire contract: the `session:state` payload (built from the control state
 * by one pure function), the `control` payload schema, and `time:sync`. Documented in docs/API.md.
 */
import { z } from 'zod';
import { FEEDBACK_TYPES, type FeedbackType } from '../feedback.js';
import { ROLE_NAMES, type Protocol, type RoleName, type Speakers, type Advance } from './definition.js';
import { RunStatus, nextRotation, type ControlAction, type ControlContext, type ControlState } from './control.js';
import type { RoleHolders } from './rotation.js';
import { timelineOf } from './timeline.js';

/** The current phase as clients see it. */
export interface WirePhase {
  id: string;
  title: string;
  prompt: string;
  durationMs: number;
  /** Server epoch ms when it ends; null unless running (and not over). */
  endsAt: number | null;
  /** Time left at `serverNow`. */
  remainingMs: number;
  speakers: Speakers;
  /** Feedback types open in this phase. */
  feedback: FeedbackType[];
  advance: Advance;
  /** The deadline passed and the phase waits for the facilitator. */
  over: boolean;
}

/** Payload of `session:state`, emitted on connect and after every change. */
export interface SessionState {
  version: number;
  serverNow: number;
  protocolId: string;
  protocolTitle: string;
  status: RunStatus;
  phaseIndex: number;
  phaseCount: number;
  phase: WirePhase | null;
  round: number;
  rounds: number;
  roles: RoleHolders;
  locked: RoleHolders;
  rotation: { next: RoleHolders };
  ready: string[];
  offer: { role: RoleName; to: string[]; since: number } | null;
}

/** Builds the `session:state` payload at `context.now`. */
export function toSessionState(state: ControlState, context: ControlContext): SessionState {
  const steps = timelineOf(context.protocol);
  const step = steps[state.stepIndex];
  const { now } = context;
  const running = state.status === RunStatus.Running;
  const over = state.overAt !== null;
  const remainingMs =
    state.status === RunStatus.Done ? 0 : running ? (over ? 0 : Math.max(0, (state.endsAt ?? now) - now)) : state.remainingMs;
  return {
    version: state.version,
    serverNow: now,
    protocolId: context.protocol.id,
    protocolTitle: context.protocol.title,
    status: state.status,
    phaseIndex: state.stepIndex,
    phaseCount: steps.length,
    phase:
      step && state.status !== RunStatus.Done
        ? {
            id: step.phase.id,
            title: step.phase.title,
            prompt: step.phase.prompt,
            durationMs: step.phase.durationMs,
            endsAt: running && !over ? state.endsAt : null,
            remainingMs,
            speakers: step.phase.speakers,
            feedback: step.phase.feedback as FeedbackType[],
            advance: step.phase.advance,
            over,
          }
        : null,
    round: step?.round ?? 0,
    rounds: context.protocol.rounds,
    roles: state.roles,
    locked: state.locked,
    rotation: { next: nextRotation(state, context) },
    ready: state.ready,
    offer: state.offer,
  };
}

const role = z.enum(ROLE_NAMES as [RoleName, ...RoleName[]]);

/** Schema of the `control` event's payload. */
export const controlActionSchema: z.ZodType<ControlAction> = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('next') }),
  z.strictObject({ action: z.literal('back') }),
  z.strictObject({ action: z.literal('extend'), ms: z.number().int().positive() }),
  z.strictObject({ action: z.literal('rotate') }),
  z.strictObject({ action: z.literal('assign'), role, participantId: z.string().min(1).max(64), lock: z.boolean().optional() }),
  z.strictObject({ action: z.literal('unlock'), role }),
  z.strictObject({ action: z.literal('ready'), ready: z.boolean() }),
  z.strictObject({ action: z.literal('pass'), role }),
  z.strictObject({ action: z.literal('accept') }),
]);

/** The ack of a `control` event. */
export type ControlAck = { ok: true; state: SessionState } | { ok: false; error: { code: string; message: string } };

/** The ack of a `time:sync` event. */
export interface TimeSyncAck {
  serverNow: number;
}

/** Feedback types that are closed in a phase, with the reason to show on a disabled control. */
export function closedFeedback(phase: WirePhase | null): { type: FeedbackType; reason: string }[] {
  if (!phase) return [];
  return FEEDBACK_TYPES.filter((type) => !phase.feedback.includes(type)).map((type) => ({
    type,
    reason: `Not open during “${phase.title}”.`,
  }));
}

/**
 * Estimates the offset between the server's clock and ours from several `time:sync` samples,
 * keeping the one with the lowest round trip (its midpoint is the best guess of "server now").
 */
export function estimateClockOffset(samples: readonly { sentAt: number; receivedAt: number; serverNow: number }[]): number {
  let best: { rtt: number; offset: number } | null = null;
  for (const s of samples) {
    const rtt = s.receivedAt - s.sentAt;
    if (rtt < 0) continue;
    const offset = s.serverNow - (s.sentAt + rtt / 2);
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}

/** Protocol lookup for a session, with the default used when none was chosen. */
export const DEFAULT_PROTOCOL_ID = 'tuning';

/** The protocol a session runs: its own, or the default. */
export function protocolFor(id: string | null, find: (id: string) => Protocol | undefined): Protocol | undefined {
  return find(id ?? DEFAULT_PROTOCOL_ID);
}
