/**
 * The rate of control actions one socket may send (`CONTROL_ACTION_BURST`,
 * `CONTROL_ACTIONS_PER_SECOND`). A facilitator clicking through phases, a participant marking
 * themselves ready and the client's speaking-time reports (one every few seconds) stay far below
 * it; a script toggling `ready` thousands of times a second is refused before anything is
 * applied, stored or sent to the table, so the other sessions on the node keep their latency.
 * Call signaling has its own allowance (`CALL_SIGNAL_BURST`), so a renegotiating call never eats
 * into this one.
 */
import type { ControlAck } from '@worktable/shared';

/** Default of `CONTROL_ACTION_BURST`: control actions one socket may send at once. */
export const CONTROL_ACTION_BURST = 60;
/** Default of `CONTROL_ACTIONS_PER_SECOND`: control actions per second one socket may send after its burst. */
export const CONTROL_ACTIONS_PER_SECOND = 10;

/** The answer to an action over the socket's rate (nothing was applied). */
export const RATE_LIMITED_ACK: ControlAck = { ok: false, error: { code: 'rate_limited', message: 'Too many actions: wait a moment.' } };

/** Counts control actions for `/metrics`: applied or refused by the runtime, or limited (over the rate). */
export interface ControlCounters {
  action(outcome: 'accepted' | 'refused' | 'limited'): void;
}
