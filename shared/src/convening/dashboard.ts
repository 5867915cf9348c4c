/**
 * The host dashboard's payload (`convening:dashboard`, server → host sockets only): every table
 * with who sits there, its run, and its activity. Sent after every change and every few seconds
 * while a host is connected (activity changes without control changes).
 */
import type { RunStatus } from '../protocols/control.js';
import type { RoleHolders } from '../protocols/rotation.js';
import type { WireAgenda, WireTable } from '../protocols/wire.js';
import type { CallLinks } from '../talk/callLinks.js';
import type { PlannedRound } from './plan.js';
import type { ClockMode, Gathering } from './sessionTypes.js';

/** Someone in the session, as the dashboard lists them. */
export interface DashboardPerson {
  participantId: string;
  name: string;
  role: 'host' | 'participant' | 'observer';
  organization: string | null;
  systemRole: string | null;
  present: boolean;
  /** Host pin for future seatings, if any. */
  pinnedTo: string | null;
  /** The table the host named them host of, if any. */
  namedHostOf: string | null;
  /** On the roster and not here yet. */
  expected: boolean;
}

/** The plenary's own run while everyone is together (the host runs it). */
export interface DashboardPlenary {
  status: RunStatus;
  phaseTitle: string | null;
  phaseIndex: number;
  phaseCount: number;
  endsAt: number | null;
  remainingMs: number;
  over: boolean;
}

/** One table on the dashboard. */
export interface DashboardTable extends WireTable {
  status: RunStatus;
  phaseTitle: string | null;
  /** Server epoch ms when the phase ends (running only). */
  endsAt: number | null;
  remainingMs: number;
  over: boolean;
  /** Phase index within the round, and how many phases the round has. */
  phaseIndex: number;
  phaseCount: number;
  roles: RoleHolders;
  /** Document changes in the last minute. */
  editsLastMinute: number;
  /** Stickies and documents on the table (null while nobody has the table open). */
  notes: number | null;
  /** Harvest cards the table posted (null while the plenary is not open on the server). */
  harvest: number | null;
}

/** Payload of `convening:dashboard`. */
export interface DashboardPayload {
  serverNow: number;
  version: number;
  round: number;
  convening: boolean;
  clock: ClockMode;
  gathering: Gathering;
  tableCount: number;
  includeHost: boolean;
  tables: DashboardTable[];
  /** The agenda and where it is (null before the first seating). */
  agenda: WireAgenda | null;
  /** The plenary's run during a plenary block (null at the tables). */
  plenary: DashboardPlenary | null;
  /** Every round of the agenda as seated or planned, with its repeated pairs and same-organization tables. */
  plan: PlannedRound[];
  /** The table shown to everyone, or null. */
  spotlight: string | null;
  /** The host's call links. */
  callLinks: CallLinks;
  /** The seed the seating uses (the host may set it to reproduce a plan). */
  seed: number;
  /** Present people who sit at no table (late, or the host when not seated). */
  unseated: string[];
  people: DashboardPerson[];
}
