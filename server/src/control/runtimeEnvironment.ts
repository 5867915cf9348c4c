/**
 * What a session's runtime (`sessionRuntime.ts`) needs from the server around it, and what it
 * tells it: storage of its control state, publication of committed changes, timers, history.
 */
import type { HistoryLabel, SessionControl, SessionError } from '@worktable/shared';
import type { SessionRuntime } from './sessionRuntime.js';

/** Which tables' views changed with a commit (`all`: the seating or the convening changed). */
export type Changed = 'all' | readonly string[];

/** What a runtime needs from the server around it. */
export interface RuntimeEnvironment {
  /**
   * Stores `control` if the stored state is still at `expected` (null: none stored yet);
   * resolves false when another node changed it first.
   */
  save(sessionId: string, status: string, control: SessionControl, expected: number | null): Promise<boolean>;
  /** The stored state (after another node changed it). */
  reload(sessionId: string): Promise<SessionControl | null>;
  /** Whether this node keeps the session's timers (always, on one node). */
  ownsTimers(sessionId: string): boolean;
  /** A change was committed: send the new views to whoever they concern. */
  publish(runtime: SessionRuntime, changed: Changed): void;
  /**
   * Someone came or left a single-table session, where presence is the seating: the table's
   * members changed without a commit. May be sent a little later, together with the next ones.
   */
  presenceSeated(runtime: SessionRuntime): void;
  /** Phases ended at some tables with the last commit (for the history). */
  phasesEnded(sessionId: string, labels: HistoryLabel[]): void;
  /** Private writing ended at some tables with the last commit: reveal it. */
  privateEnded(runtime: SessionRuntime, tables: { tableId: string; anonymous: boolean }[]): void;
  now(): number;
  /** How long a facilitator may be away before their seat is offered. */
  facilitatorGraceMs: number;
  onError(error: unknown, sessionId: string): void;
}

/** The result of a control action. */
export type RuntimeResult = { ok: true } | { ok: false; error: SessionError };
