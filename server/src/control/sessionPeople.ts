/**
 * Who a session has and who of them is connected, as the control plane's pure transitions see
 * them: the people list is rebuilt only when someone arrives, leaves or changes, and each person
 * in it is kept while they and their presence stay the same.
 */
import type { SessionPerson } from '@worktable/shared';

/** A participant of the session as the control plane needs it. */
export interface Member {
  participantId: string;
  name: string;
  role: SessionPerson['role'];
  joinedAt: number;
  organization: string | null;
  systemRole: string | null;
  /** Added from the host's roster (expected before they arrive). */
  rostered?: boolean;
}

/** The participants of one session, their connections, and the people list made of both. */
export class SessionPeople {
  /** Connections per participant present. */
  private readonly presence = new Map<string, number>();
  /** The people list of `list()`, kept until someone arrives, leaves or changes. */
  private peopleSeen: SessionPerson[] | null = null;
  /** Each participant as the transitions see them, kept while they and their presence stay the same. */
  private readonly persons = new Map<string, { member: Member; person: SessionPerson }>();

  constructor(private readonly participants: Map<string, Member>) {}

  /** Whether anyone is connected. */
  get anyonePresent(): boolean {
    return this.presence.size > 0;
  }

  /** Everyone the session has, with presence. */
  withPresence(): (Member & { present: boolean })[] {
    return [...this.participants.values()].map((m) => ({ ...m, present: this.presence.has(m.participantId) }));
  }

  /**
   * The people list the transitions need. It is rebuilt only when presence or the participants
   * changed: building one per table view made every change cost the square of the event.
   */
  list(): SessionPerson[] {
    this.peopleSeen ??= [...this.participants.values()].map((member) => this.personOf(member));
    return this.peopleSeen;
  }

  /** Whether the session has this participant. */
  has(participantId: string): boolean {
    return this.participants.has(participantId);
  }

  /** A participant's stored role (undefined when unknown). */
  roleOf(participantId: string): Member['role'] | undefined {
    return this.participants.get(participantId)?.role;
  }

  /** Adds or refreshes a participant. */
  upsert(member: Member): void {
    this.participants.set(member.participantId, member);
    this.peopleSeen = null;
  }

  /** Forgets a participant (and their presence); whether they were present. */
  remove(participantId: string): boolean {
    this.participants.delete(participantId);
    this.persons.delete(participantId);
    this.peopleSeen = null;
    return this.presence.delete(participantId);
  }

  /** A participant opened (1) or closed (-1) a connection; how many they have now. */
  connected(participantId: string, delta: 1 | -1): number {
    const count = (this.presence.get(participantId) ?? 0) + delta;
    if (count > 0) this.presence.set(participantId, count);
    else this.presence.delete(participantId);
    if (count === 0 || (delta > 0 && count === 1)) this.peopleSeen = null;
    return count;
  }

  /** Replaces presence with the connections counted across every node; who arrived, and whether anyone left. */
  replacePresence(counts: ReadonlyMap<string, number>): { arrived: string[]; someoneLeft: boolean } {
    const arrived = [...counts.keys()].filter((id) => !this.presence.has(id));
    const someoneLeft = [...this.presence.keys()].some((id) => !counts.has(id));
    this.presence.clear();
    for (const [id, n] of counts) if (n > 0) this.presence.set(id, n);
    this.peopleSeen = null;
    return { arrived, someoneLeft };
  }

  /**
   * `member` as the transitions see them: the object made last time while neither they nor their
   * presence changed, so a list of 1,000 is rebuilt after an arrival without making 1,000 people.
   */
  private personOf(member: Member): SessionPerson {
    const present = this.presence.has(member.participantId);
    const kept = this.persons.get(member.participantId);
    if (kept && kept.member === member && kept.person.present === present) return kept.person;
    const person: SessionPerson = {
      id: member.participantId,
      role: member.role,
      joinedAt: member.joinedAt,
      present,
      organization: member.organization,
      systemRole: member.systemRole,
      expected: member.rostered === true && !present,
    };
    this.persons.set(member.participantId, { member, person });
    return person;
  }
}
