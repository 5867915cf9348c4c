/** Building a session action's result: a refusal, or the next state with its version bumped. */
import type { SessionControl, SessionError, SessionResult } from './sessionTypes.js';

/** A refused action (nothing changes). */
export const fail = (code: SessionError['code'], message: string): SessionResult => ({ ok: false, error: { code, message } });

/** The next state, one version after `previous`, and which tables' views changed. */
export function versioned(previous: SessionControl, next: SessionControl, changed: 'all' | string[]): SessionResult {
  return { ok: true, control: { ...next, version: previous.version + 1 }, changed };
}
