/**
 * One session's control plane at run time: its control state, who is present, and the one timer
 * that fires at the next deadline. Every change is persisted before it is broadcast, and all
 * changes of a session run one after another.
 */
import {
  RunStatus,
  applyControl,
  catchUp,
  nextDeadline,
  reviewFacilitator,
  toSessionState,
  type Actor,
  type ControlAction,
  type ControlContext,
  type ControlResult,
  type ControlState,
  type Protocol,
  type SessionState,
} from '@worktable/shared';

/** A participant of the session as the control plane needs it. */
export interface Member {
  participantId: string;
  role: string;
  joinedAt: number;
}

/** What a runtime needs from the server around it. */
export interface RuntimeEnvironment {
  save(sessionId: string, state: ControlState): Promise<void>;
  broadcast(sessionId: string, state: SessionState): void;
  now(): number;
  /** How long a facilitator may be away before their seat is offered. */
  facilitatorGraceMs: number;
  onError(error: unknown, sessionId: string): void;
}

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
    private state: ControlState,
    private readonly env: RuntimeEnvironment,
  ) {}

  /** Whether anyone is connected or a deadline is pending (otherwise the runtime may be dropped). */
  get isActive(): boolean {
    return this.presence.size > 0 || this.timer !== null;
  }

  /** The current `session:state` payload. */
  snapshot(): SessionState {
    return toSessionState(this.state, this.context());
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

  private context(now = this.env.now()): ControlContext {
    const members = [...this.participants.values()]
      .filter((m) => m.role !== 'observer' && this.presence.has(m.participantId))
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map((m) => m.participantId);
    return { now, protocol: this.protocol, members };
  }

  /** Runs `task` after every earlier change of this session. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a control action; persists and broadcasts when accepted. */
  control(action: ControlAction, participantId: string): Promise<ControlResult> {
    return this.serialize(async () => {
      const result = applyControl(this.state, action, this.actorOf(participantId), this.context());
      if (result.ok) await this.commit(result.state);
      return result;
    });
  }

  /** Someone connected or left: updates presence and the facilitator's seat. */
  presenceChanged(participantId: string, delta: 1 | -1): Promise<void> {
    const count = (this.presence.get(participantId) ?? 0) + delta;
    if (count > 0) this.presence.set(participantId, count);
    else this.presence.delete(participantId);
    return this.serialize(() => this.review());
  }

  /** Catches up deadlines that passed (e.g. while the server was down) and arms the timer. */
  resume(): Promise<void> {
    return this.serialize(() => this.review());
  }

  private async review(): Promise<void> {
    const context = this.context();
    const caughtUp = catchUp(this.state, context);
    const reviewed = reviewFacilitator(caughtUp, context, this.hostId, this.env.facilitatorGraceMs);
    if (reviewed !== this.state) await this.commit(reviewed);
    else this.schedule();
  }

  private async commit(next: ControlState): Promise<void> {
    await this.env.save(this.sessionId, next);
    this.state = next;
    this.schedule();
    this.env.broadcast(this.sessionId, this.snapshot());
  }

  /** Arms one timer for whatever comes first: the phase deadline or the facilitator's grace. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    const moments = [nextDeadline(this.state)];
    if (this.state.facilitatorAwaySince !== null && this.state.offer === null && this.state.status !== RunStatus.Done) {
      moments.push(this.state.facilitatorAwaySince + this.env.facilitatorGraceMs);
    }
    const due = moments.filter((m): m is number => m !== null);
    if (due.length === 0) return;
    const delay = Math.max(0, Math.min(...due) - this.env.now());
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
