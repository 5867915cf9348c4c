/**
 * The types of a session's control state: the tables and their seating, the agenda and where the
 * session is in it, every run, and the actions people send. No logic here (it lives in
 * session.ts, rounds.ts and tableSeating.ts), so the modules that keep parts of the state can
 * import the shape without importing the transitions.
 */
import type { ControlAction, ControlState } from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import type { RoleCounts } from '../protocols/rotation.js';
import type { ClosedVote, VoteState } from '../record/votes.js';
import type { AgendaBlock } from './agenda.js';
import type { AgendaPart } from './compose.js';
import type { PrivateAction, PrivateWriting } from './privateWriting.js';
import type { CallLinks } from '../talk/callLinks.js';
import type { SpeakingQueue, TalkAction } from '../talk/speakingQueue.js';
import type { SpokenTime } from '../talk/speakingTime.js';
import type { PairHistory } from './types.js';
import type { VoteAction } from './voting.js';

/** Where everyone's attention is. */
export const Gathering = {
  /** Everyone at their table. */
  Tables: 'tables',
  /** Everyone summoned to the plenary canvas. */
  Plenary: 'plenary',
} as const;
/** One of `Gathering`. */
export type Gathering = (typeof Gathering)[keyof typeof Gathering];

/** How table timers run. */
export const ClockMode = {
  /** One round clock for the whole convening: the host sets the time for every table at once, and the agenda moves on by itself. */
  Shared: 'shared',
  /** Each table's facilitator runs their own timer. */
  PerTable: 'perTable',
} as const;
/** One of `ClockMode`. */
export type ClockMode = (typeof ClockMode)[keyof typeof ClockMode];

/** The document name of the plenary canvas. */
export const PLENARY_DOC = 'plenary';

/** Most tables a convening may have. */
export const MAX_TABLES = 250;

/** Longest broadcast message, in characters. */
export const MAX_BROADCAST_CHARS = 500;

/** One table: who sits there this round and its table host. */
export interface TableSeating {
  /** Also the table's document name (`table-1`, `table-2`, …). */
  id: string;
  name: string;
  /** Participant ids, the table host first. */
  members: string[];
  host: string | null;
}

/** The host's layout choices. */
export interface ConveningSettings {
  tableCount: number;
  clock: ClockMode;
  /** Whether the session host is seated at a table too (otherwise they roam and see the dashboard). */
  includeHost: boolean;
}

/** A message from the host to every table. */
export interface Broadcast {
  id: number;
  message: string;
  at: number;
}

/** The persisted control state of a session. */
export interface SessionControl {
  /** Incremented by every change; clients ignore older states. */
  version: number;
  seed: number;
  /** False: one table that everyone present sits at. True: seated tables and rounds. */
  convening: boolean;
  /** The convening round (0 before the first seating). */
  round: number;
  /** This round's seating (empty when not a convening). */
  tables: TableSeating[];
  /** Each table's protocol run, by table id. */
  runs: Record<string, ControlState>;
  settings: ConveningSettings;
  gathering: Gathering;
  broadcast: Broadcast | null;
  /** Host pins for future seatings: participant id → table id. */
  pins: Record<string, string>;
  /** Who sat with whom in finished rounds. */
  history: PairHistory;
  /** Seatings of earlier rounds, oldest first. */
  pastRounds: { round: number; tables: TableSeating[] }[];
  /** Role counts of people who are not at any table now (carried between rounds). */
  pastRoleCounts: RoleCounts;
  /** Tables the summon to the plenary paused (resumed when everyone goes back). */
  summonPaused: string[];
  /** The vote open at each table (ballots stay on the server). */
  votes: Record<string, VoteState>;
  /** Closed votes, for the record. */
  closedVotes: ClosedVote[];
  /** Reactions are given under pseudonyms (nobody sees who reacted). */
  anonymousReactions: boolean;
  /** Private writing going on, by table. */
  privateWriting: Record<string, PrivateWriting>;
  /** Whether everyone may see the participation view (otherwise the host and facilitators; everyone sees their own row). */
  participationShared: boolean;
  /** The convening's agenda (empty for a session with one table). */
  agenda: AgendaBlock[];
  /** Index of the current block: −1 before the start, `agenda.length` once the agenda is over. */
  block: number;
  /** The host holds the end of the current block: when its runs finish it waits for the host. */
  hold: boolean;
  /** The host's own question per table block id (overrides the protocol's). */
  questions: Record<string, string>;
  /** Table hosts the host named, by table id (named before or after seating; they stay there). */
  namedHosts: Record<string, string>;
  /** Each round's seating as it started, oldest first (the record shows who sat where). */
  seatings: RoundSeating[];
  /** The table whose canvas the host shows to everyone ("bring everyone to me"), or null. */
  spotlight: string | null;
  /** The speaking queue and talking piece of each table (and the plenary), by run key; reset with each block. */
  talk: Record<string, SpeakingQueue>;
  /** The host's call links (their own video platform), the convening's and each table's. */
  callLinks: CallLinks;
  /** Speaking time each person's browser measured in the calls, by participant id. */
  spoken: Record<string, SpokenTime>;
  /** The record shows the anonymous spread of talk time (the host's choice). */
  talkTimeInRecord: boolean;
}

/** One round's seating as it started. */
export interface RoundSeating {
  round: number;
  blockId: string;
  /** Server epoch ms when the round started. */
  at: number;
  tables: TableSeating[];
}

/** A participant as seating and the runs need them. */
export interface SessionPerson {
  id: string;
  role: 'host' | 'participant' | 'observer';
  joinedAt: number;
  present: boolean;
  organization?: string | null;
  systemRole?: string | null;
  /** On the host's roster and not here yet: seated in the plan before the agenda starts, as if present. */
  expected?: boolean;
}

/** Everything the transitions need besides the state. */
export interface SessionContext {
  now: number;
  protocol: Protocol;
  people: readonly SessionPerson[];
}

/** Convening actions (host only). */
export type ConveningAction =
  | { action: 'seat'; tableCount?: number; tableSize?: number; clock?: ClockMode; includeHost?: boolean; seed?: number }
  | { action: 'startRound' }
  | { action: 'endRound' }
  | { action: 'hold'; on: boolean }
  | { action: 'question'; blockId: string; text: string }
  | { action: 'spotlight'; tableId: string | null }
  | { action: 'composeAgenda'; parts: AgendaPart[] }
  | { action: 'callLink'; tableId: string | null; url: string | null }
  | { action: 'move'; participantId: string; tableId: string }
  | { action: 'pin'; participantId: string; tableId: string | null; host?: boolean }
  | { action: 'summon'; to: Gathering }
  | { action: 'broadcast'; message: string }
  | { action: 'shareParticipation'; visible: boolean }
  | { action: 'anonymousReactions'; on: boolean }
  | { action: 'talkTimeInRecord'; on: boolean };

/** A participant offers to host their table (when it has no host there). */
export type VolunteerAction = { action: 'volunteerHost' };

/** A browser reports speech its microphone heard in a call since its last report. */
export type SpokeAction = { action: 'spoke'; ms: number };

/** A run action, optionally aimed at one table (the host's choice; others act on their own table). */
export type TableRunAction = ControlAction & { tableId?: string };

/** Any `control` payload. */
export type SessionAction = ConveningAction | TableRunAction | VoteAction | PrivateAction | VolunteerAction | TalkAction | SpokeAction;

/** A refused action. */
export interface SessionError {
  code: 'forbidden' | 'bad_request' | 'conflict';
  message: string;
}

/** The result of an action: the new state and which tables' views changed (`all` for every one). */
export type SessionResult = { ok: true; control: SessionControl; changed: 'all' | string[] } | { ok: false; error: SessionError };

/** The id of the only table of a session that is not a convening. */
export const SINGLE_TABLE_ID = 'table-1';
