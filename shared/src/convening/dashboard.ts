/**
 * The host dashboard's payload (`convening:dashboard`, server → host sockets only): every table
 * with who sits there, its run, and its activity. Sent after every change and every few seconds
 * while a host is connected (activity changes without control changes).
 */
import type { RunStatus } from '../protocols/control.js';
import type { RoleHolders } from '../protocols/rotation.js';
import type { WireTable } from '../protocols/wire.js';
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
}

/** One table on the dashboard. */
export interface DashboardTable extends WireTable {
  status: RunStatus;
  phaseTitle: string | null;
  /** Server epoch ms when the phase ends (running only). */
  endsAt: number | null;
  remainingMs: number;
  over: boolean;
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
  /** Present people who sit at no table (late, or the host when not seated). */
  unseated: string[];
  people: DashboardPerson[];
}
