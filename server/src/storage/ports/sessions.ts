/**
 * The storage port's sessions: sessions, their participants and rosters, invite codes, deletion.
 */
import type { SessionRole } from '@worktable/shared';

/** A session as stored. */
export interface SessionRecord {
  sessionId: string;
  title: string;
  protocol: string | null;
  /** A protocol definition the host brought (validated JSON), used instead of a built-in. */
  customProtocol: unknown;
  inviteCode: string;
  createdAt: number;
}

/** A participant as stored. */
export interface ParticipantRecord {
  participantId: string;
  sessionId: string;
  name: string;
  role: SessionRole;
  joinedAt: number;
  /** Where they work, if they said (used to mix tables across organizations). */
  organization?: string | null;
  /** Their role in their system, e.g. "teacher", "district leader", if they said. */
  systemRole?: string | null;
  /** Added from the host's roster (expected before they arrive) rather than by joining. */
  rostered?: boolean;
}

/** What a roster import changes of someone already in the session. */
export type RosterUpdate = Pick<ParticipantRecord, 'participantId' | 'name'> & { organization: string | null; systemRole: string | null };

/** A roster import: people new to the session, and people already in it to update (both end up rostered). */
export interface RosterChanges {
  add: ParticipantRecord[];
  update: RosterUpdate[];
}

/** Sessions and their people. Every method either completes fully or changes nothing. */
export interface SessionStore {
  /** Stores a new session together with its host participant. */
  createSession(session: SessionRecord, host: ParticipantRecord): Promise<void>;
  /** The session, or null when unknown. */
  getSession(sessionId: string): Promise<SessionRecord | null>;
  /** Adds a participant to an existing session. */
  addParticipant(participant: ParticipantRecord): Promise<void>;
  /** A participant of a session, or null. */
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** All participants of a session, in the order they joined. */
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  /**
   * Imports a roster in one transaction: adds the new people and updates the names, organizations
   * and system roles of the others, marking all of them rostered. Rejects, changing nothing, when
   * the session is unknown or an update names nobody of this session.
   */
  saveRoster(sessionId: string, changes: RosterChanges): Promise<void>;

  /** Replaces a session's invite code (the old one stops working at once); false when the session is unknown. */
  setInviteCode(sessionId: string, inviteCode: string): Promise<boolean>;
  /** Removes a participant from a session (their token stops working); false when unknown. */
  removeParticipant(sessionId: string, participantId: string): Promise<boolean>;
  /**
   * Deletes a session and everything of it: participants, documents (snapshots and logs of every
   * `<sessionId>/…` document), uploads (stored or being written, with their chunks), history,
   * control state, record links. False when unknown.
   */
  deleteSession(sessionId: string): Promise<boolean>;
}
