/**
 * Protocols as data: a declarative definition of phases (who speaks, which feedback is open,
 * how long, whether the phase advances by itself) and of the roles that rotate. Definitions are
 * validated with the schema in schema.ts; a bad one is refused with the path of the bad field.
 */
import type { z } from 'zod';
import type { phaseSchema, protocolSchema } from './schema.js';

/** Who speaks in a phase. */
export const Speakers = {
  Everyone: 'everyone',
  PresenterOnly: 'presenter',
  AllButPresenter: 'all-but-presenter',
  /** Silent, individual work. */
  Silent: 'silent',
} as const;
/** One of `Speakers`. */
export type Speakers = (typeof Speakers)[keyof typeof Speakers];

/** What happens at a phase's deadline. */
export const Advance = {
  /** The next phase starts by itself. */
  Auto: 'auto',
  /** The phase is marked over and waits for the facilitator. */
  Facilitator: 'facilitator',
} as const;
/** One of `Advance`. */
export type Advance = (typeof Advance)[keyof typeof Advance];

/** Roles the server assigns and rotates. */
export const RoleName = {
  Facilitator: 'facilitator',
  Scribe: 'scribe',
  Presenter: 'presenter',
  Timekeeper: 'timekeeper',
  TableHost: 'tableHost',
  Reporter: 'reporter',
} as const;
/** One of `RoleName`. */
export type RoleName = (typeof RoleName)[keyof typeof RoleName];

/** All roles, in the order they are filled (the first gets first pick of people). */
export const ROLE_NAMES: readonly RoleName[] = Object.values(RoleName);

/** When roles rotate. */
export const RotateAt = {
  /** Once, when the run starts. */
  Run: 'run',
  /** At the start of every round. */
  Round: 'round',
} as const;
/** One of `RotateAt`. */
export type RotateAt = (typeof RotateAt)[keyof typeof RotateAt];

const MINUTE = 60_000;

/** One phase of a protocol. */
export type Phase = z.infer<typeof phaseSchema>;

/** A protocol definition. */
export type Protocol = Omit<z.infer<typeof protocolSchema>, 'roles' | 'opening' | 'round' | 'closing'> & {
  roles: RoleName[];
  opening: Phase[];
  round: Phase[];
  closing: Phase[];
};

/** Minutes to milliseconds, for writing definitions. */
export function minutes(count: number): number {
  return Math.round(count * MINUTE);
}
