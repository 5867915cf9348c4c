/**
 * One session's control plane at run time: its session control (every table's protocol run and
 * the convening around them), who is present, and the one timer that fires at the next deadline
 * of any table. Every change is persisted before it is published, and all changes of a session
 * run one after another.
 */
import {
  applySessionAction,
  endedPhases,
  endedPrivateWriting,
  nextSessionDeadline,
  reviewSession,
  seatArrival,
  sessionStateFor,
  sessionStatus,
  tableOfParticipant,
  wireTables,
  type Actor,
  type HistoryLabel,
  type Protocol,
  type SessionAction,
  type SessionContext,
  type SessionControl,
  type SessionError,
  type SessionPerson,
  type SessionState,
  type WireTable,
} from '@worktable/shared';

/** A participant of the session as the control plane needs it. */
export interface Member {
  participantId: string;
  name: string;
  role: SessionPerson['role'];
  joinedAt: number;
  organization: string | null;
  systemRole: string | null;
}

/** Which tables' views changed with a commit (`all`: the seating or the convening changed). */
export type Changed = 'all' | readonly string[];

/** What a runtime needs from the server around it. */
export interface RuntimeEnvironment {
  save(sessionId: string, status: string, control: SessionControl): Promise<void>;
  /** A change was committed: send the new views to whoever they concern. */
  publish(runtime: SessionRuntime, changed: Changed): void;
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

/** The live control plane of one session. */
export class SessionRuntime {
  private readonly presence = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly sessionId: string,
    readonly protocol: Protocol,
    private readonly hostId: string,
    private readonly participants: Map<string, Member>,
    private state: SessionControl,
    private readonly env: RuntimeEnvironment,
  ) {}

  /** Whether anyone is connected or a deadline is pending (otherwise the runtime may be dropped). */
  get isActive(): boolean {
    return this.presence.size > 0 || this.timer !== null;
  }

  /** The persisted control state (read only). */
  get control(): SessionControl {
    return this.state;
  }

  /** Everyone the session has, with presence. */
  people(): (Member & { present: boolean })[] {
    return [...this.participants.values()].map((m) => ({ ...m, present: this.presence.has(m.participantId) }));
  }

  /** The context the pure transitions need, at `now`. */
  context(now = this.env.now()): SessionContext {
    const people: SessionPerson[] = this.people().map((m) => ({
      id: m.participantId,
      role: m.role,
      joinedAt: m.joinedAt,
      present: m.present,
      organization: m.organization,
      systemRole: m.systemRole,
    }));
    return { now, protocol: this.protocol, people };
  }

  /** The table a participant sits at now, or null. */
  tableOf(participantId: string): string | null {
    return tableOfParticipant(this.state, this.context(), participantId);
  }

  /** The tables as everyone sees them now. */
  tables(): WireTable[] {
    return wireTables(this.state, this.context());
  }

  /** The `session:state` for people at `tableId` (null: people at no table). */
  stateFor(tableId: string | null, tables?: WireTable[]): SessionState {
    const context = this.context();
    return sessionStateFor(this.state, context, tableId, tables ?? wireTables(this.state, context));
  }

  /** The `session:state` a participant receives. */
  stateOf(participantId: string): SessionState {
    return this.stateFor(this.tableOf(participantId));
  }

  /** Whether the runtime knows this participant. */
  hasParticipant(participantId: string): boolean {
    return this.participants.has(participantId);
  }

  /** Adds or refreshes a participant (someone joined after the runtime loaded). */
  upsertParticipant(member: Member): void {
    this.participants.set(member.participantId, member);
  }

  /** The actor for a participant id, from the stored role. */
  actorOf(participantId: string): Actor {
    const role = this.participants.get(participantId)?.role;
    return { participantId, isHost: role === 'host', isObserver: role === 'observer' };
  }

  /** Runs `task` after every earlier change of this session. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a control action; persists and publishes when accepted. */
  apply(action: SessionAction, participantId: string): Promise<RuntimeResult> {
    return this.serialize(async () => {
      const result = applySessionAction(this.state, action, this.actorOf(participantId), this.context());
      if (!result.ok) return result;
      await this.commit(result.control, result.changed);
      return { ok: true };
    });
  }

  /** Someone connected or left: updates presence, seats a late arrival, reviews facilitators' seats. */
  presenceChanged(participantId: string, delta: 1 | -1): Promise<void> {
    const count = (this.presence.get(participantId) ?? 0) + delta;
    if (count > 0) this.presence.set(participantId, count);
    else this.presence.delete(participantId);
    return this.serialize(async () => {
      if (delta > 0 && count === 1) {
        const seated = seatArrival(this.state, this.context(), participantId);
        if (seated !== this.state) await this.commit(seated, 'all');
      }
      // In a single-table session presence is the seating: everyone's table list changed.
      if (!this.state.convening && (count === 0 || (delta > 0 && count === 1))) this.env.publish(this, 'all');
      await this.review();
    });
  }

  /** Catches up deadlines that passed (e.g. while the server was down) and arms the timer. */
  resume(): Promise<void> {
    return this.serialize(() => this.review());
  }

  private async review(): Promise<void> {
    const reviewed = reviewSession(this.state, this.context(), this.hostId, this.env.facilitatorGraceMs);
    if (reviewed.control !== this.state) await this.commit(reviewed.control, reviewed.changed);
    else this.schedule();
  }

  private async commit(next: SessionControl, changed: Changed): Promise<void> {
    await this.env.save(this.sessionId, sessionStatus(next), next);
    const ended = endedPhases(this.state, next, this.protocol, this.env.now());
    const revealed = endedPrivateWriting(this.state, next);
    this.state = next;
    this.schedule();
    this.env.publish(this, changed);
    if (ended.length > 0) this.env.phasesEnded(this.sessionId, ended);
    if (revealed.length > 0) this.env.privateEnded(this, revealed);
  }

  /** Arms one timer for whatever comes first at any table: a phase deadline or a facilitator's grace. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const due = nextSessionDeadline(this.state, this.env.facilitatorGraceMs);
    if (due === null) return;
    const delay = Math.max(0, due - this.env.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.serialize(() => this.review()).catch((error: unknown) => this.env.onError(error, this.sessionId));
    }, delay);
  }

  /** Stops the timer (shutdown). The persisted state lets a restart resume exactly. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
