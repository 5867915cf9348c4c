/**
 * The storage port's control state: each session's protocol runs and convening, compare and set.
 */

/** Each session's control state (the server owns it; several nodes share it). */
export interface ControlStore {
  /**
   * Stores a session's control state (protocol run: phase, deadline, roles) as JSON with its
   * `status` (so active runs can be found at start), compare and set: only if the stored one is at
   * `expected` (null: none stored yet), as `version`. Resolves false, changing nothing, when
   * another node got there first.
   */
  replaceControlState(sessionId: string, status: string, state: unknown, version: number, expected: number | null): Promise<boolean>;
  /** The session's last control state, or null when it never had one. */
  loadControlState(sessionId: string): Promise<unknown>;
  /** Control states whose status is running or paused (to resume their timers at start). */
  listActiveControlStates(): Promise<{ sessionId: string; state: unknown }[]>;
}
