/** Types for seating people at tables over the rounds of a convening. */

/** Someone to seat; organization and system role are spread across tables when known. */
export interface SeatingPerson {
  id: string;
  organization?: string | null;
  systemRole?: string | null;
}

/**
 * How many times each pair sat at one table in earlier rounds, keyed by `pairKey(a, b)`.
 * Plain data (JSON-friendly); people who are not seated now are simply ignored.
 */
export type PairHistory = Readonly<Record<string, number>>;

/** Relative costs of the things seating tries to avoid (all non-negative). */
export interface SeatingWeights {
  /** Per earlier meeting of two people placed at one table again. */
  repeat: number;
  /** Per pair of one organization at one table. */
  organization: number;
  /** Per pair of one system role at one table. */
  systemRole: number;
}

/** What one round of seating needs to know. */
export interface SeatingInput {
  /** Present people, in any order (who left or arrived is just a different list). */
  people: readonly SeatingPerson[];
  /** Number of tables; when absent, computed from `tableSize` (1 table if neither is given). */
  tableCount?: number;
  /** Target people per table, used only when `tableCount` is absent. */
  tableSize?: number;
  /** Who sat with whom before (pair counts). */
  history?: PairHistory;
  /** Table hosts who stay, by table index (null for none). Absent or pinned-elsewhere ids are ignored. */
  hosts?: readonly (string | null | undefined)[];
  /** Choose a host for every table that has none (a person pinned there if any, else a seeded pick). */
  chooseHosts?: boolean;
  /** Person id → table index they must sit at. Out-of-range indices and absent ids are ignored. */
  pins?: Readonly<Record<string, number>>;
  /** Seed for every ordering choice: same input and seed, same seating. */
  seed: number;
  /** Overrides for the default weights. */
  weights?: Partial<SeatingWeights>;
  /** Budget of swap evaluations for the round, shared by its searches and its look at the next round (deterministic; default scales with size). */
  maxEvaluations?: number;
}

/** One round's seating: participant ids per table (the host first) and each table's host. */
export interface SeatingPlan {
  tables: string[][];
  hosts: (string | null)[];
}
