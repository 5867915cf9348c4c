/**
 * The protocols tests write by hand, built in one place: a phase with the defaults every test
 * used (no prompt, everyone speaks, no feedback, the facilitator moves on) and a protocol around
 * a round of such phases (one round, one facilitator, no opening or closing). A test names only
 * what it is about — the durations, which phases advance by themselves, the rounds.
 */
import { Advance, RoleName, RotateAt, Speakers, type Phase, type Protocol } from '@worktable/shared';

/** A phase `id` titled after its id (`write` → `Write`), with `fields` overriding the defaults (one minute, facilitator advances). */
export function testPhase(id: string, fields: Partial<Omit<Phase, 'id'>> = {}): Phase {
  return {
    id,
    title: id.charAt(0).toUpperCase() + id.slice(1),
    prompt: '',
    durationMs: 60_000,
    speakers: Speakers.Everyone,
    feedback: [],
    advance: Advance.Facilitator,
    ...fields,
  };
}

/** A protocol `id` of the phases `round`, with `fields` overriding the defaults (one round, 1–10 people, a facilitator, no opening or closing). */
export function testProtocol(id: string, round: Phase[], fields: Partial<Omit<Protocol, 'id' | 'round'>> = {}): Protocol {
  return {
    id,
    title: id.charAt(0).toUpperCase() + id.slice(1),
    summary: 'test',
    groupSize: { min: 1, max: 10 },
    roles: [RoleName.Facilitator],
    rotateAt: RotateAt.Run,
    opening: [],
    round,
    rounds: 1,
    closing: [],
    ...fields,
  };
}

/** Two 400 ms phases that advance by themselves, then one that waits for the facilitator (the control plane's timer tests). */
export const QUICK_PROTOCOL: Protocol = testProtocol(
  'quick',
  [
    testPhase('a', { durationMs: 400, advance: Advance.Auto }),
    testPhase('b', { durationMs: 400, advance: Advance.Auto }),
    testPhase('c', { durationMs: 400 }),
  ],
  { roles: [RoleName.Facilitator, RoleName.Scribe], rotateAt: RotateAt.Round },
);
