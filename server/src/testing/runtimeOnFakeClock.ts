/**
 * A `SessionRuntime` built on the environment it already takes (`RuntimeEnvironment`), with no
 * server, sockets or storage around it: the control state is kept in memory (with the same
 * version check as storage), every publication and ended phase is recorded, and `now()` reads
 * `Date.now`. Faking `Date` and `setTimeout` (`vi.useFakeTimers()`) before building one puts its
 * phase timer on the fake clock too, so a test of deadlines moves time instead of waiting for it.
 */
import { initialSessionControl, type HistoryLabel, type Protocol, type SessionControl } from '@worktable/shared';
import { SessionRuntime, type Changed, type Member, type RuntimeEnvironment } from '../control/sessionRuntime.js';

/** A runtime on the fake clock and what it told the server around it. */
export interface RuntimeOnFakeClock {
  runtime: SessionRuntime;
  /** What each commit said changed, in order. */
  published: Changed[];
  /** The phases each commit ended, in order (what the history would snapshot). */
  phasesEnded: HistoryLabel[][];
  /** Errors the runtime reported (a test expects none). */
  errors: unknown[];
  /** The control state as stored now (null: nothing stored yet). */
  stored(): SessionControl | null;
  /**
   * Closes the runtime and builds another from the stored state, as a restarted server does
   * (resume it to catch up); the records above go on from the new one.
   */
  restart(): SessionRuntime;
}

/** The session's id in every runtime built here. */
export const FAKE_CLOCK_SESSION = 'session-on-a-fake-clock';

/** One member of the session; the first of a list is its host. */
export function member(participantId: string, role: Member['role'] = 'participant'): Member {
  return { participantId, name: participantId, role, joinedAt: 0, organization: null, systemRole: null };
}

/** Builds a runtime of `protocol` for `members` (the host first), with a facilitator's grace of `facilitatorGraceMs`. */
export function runtimeOnFakeClock(protocol: Protocol, members: readonly Member[], facilitatorGraceMs = 60_000): RuntimeOnFakeClock {
  let stored: SessionControl | null = null;
  const published: Changed[] = [];
  const phasesEnded: HistoryLabel[][] = [];
  const errors: unknown[] = [];
  const environment: RuntimeEnvironment = {
    save: async (_sessionId, _status, control, expected) => {
      if ((stored?.version ?? null) !== expected) return false;
      stored = control;
      return true;
    },
    reload: async () => stored,
    ownsTimers: () => true,
    publish: (_runtime, changed) => published.push(changed),
    presenceSeated: () => undefined,
    phasesEnded: (_sessionId, labels) => phasesEnded.push(labels),
    privateEnded: () => undefined,
    now: () => Date.now(),
    facilitatorGraceMs,
    onError: (error) => errors.push(error),
  };
  const host = members[0]?.participantId ?? '';
  const build = (state: SessionControl, persisted: boolean) =>
    new SessionRuntime(
      FAKE_CLOCK_SESSION,
      protocol,
      host,
      new Map(members.map((m) => [m.participantId, m])),
      state,
      environment,
      persisted,
    );
  const made: RuntimeOnFakeClock = {
    runtime: build(initialSessionControl(protocol, 1), false),
    published,
    phasesEnded,
    errors,
    stored: () => stored,
    restart() {
      made.runtime.close();
      if (!stored) throw new Error('nothing stored to restart from');
      made.runtime = build(stored, true);
      return made.runtime;
    },
  };
  return made;
}
