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
  planSeatings,
  reviewSession,
  runViewOf,
  seatArrival,
  wireAgenda,
  sessionStateFor,
  sessionStatus,
  tableDirectory,
  tableOfParticipant,
  tablesOf,
  wireTables,
  type TableSeating,
  type TableEntry,
  type Actor,
  type PlannedRound,
  type RunView,
  type WireAgenda,
  type Protocol,
  type SessionAction,
  type SessionContext,
  type SessionControl,
  type SessionState,
  type WireTable,
} from '@worktable/shared';
import type { Changed, RuntimeEnvironment, RuntimeResult } from './runtimeEnvironment.js';
import { SessionPeople, type Member } from './sessionPeople.js';
import { PreparedReview } from './preparedReview.js';

export type { Changed, RuntimeEnvironment, RuntimeResult } from './runtimeEnvironment.js';
export type { Member } from './sessionPeople.js';

/** Another node stored a newer state first: reload and try again. */
class StaleControl extends Error {}

/** How long a plan is shown while only who is present changes (see `plan`). */
const PLAN_PRESENCE_REFRESH_MS = 5000;

/** How many times a change is retried on a newer stored state before giving up. */
const MAX_ATTEMPTS = 5;

/** The live control plane of one session. */
export class SessionRuntime {
  /** Who the session has and who of them is connected. */
  private readonly members: SessionPeople;
  private timer: NodeJS.Timeout | null = null;
  /** The next deadline's outcome, worked out shortly before it. */
  private readonly upcoming = new PreparedReview();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The last plan, the state and presence it was made for, and when. */
  private planned: { inputs: string; people: string; at: number; plan: PlannedRound[] } | null = null;

  constructor(
    readonly sessionId: string,
    readonly protocol: Protocol,
    private readonly hostId: string,
    participants: Map<string, Member>,
    private state: SessionControl,
    private readonly env: RuntimeEnvironment,
    /** Whether `state` came from storage (otherwise nothing is stored yet). */
    private persisted: boolean,
  ) {
    this.members = new SessionPeople(participants);
  }

  /** Whether anyone is connected or a deadline is pending (otherwise the runtime may be dropped). */
  get isActive(): boolean {
    return this.members.anyonePresent || this.timer !== null;
  }

  /** The persisted control state (read only). */
  get control(): SessionControl {
    return this.state;
  }

  /** Everyone the session has, with presence. */
  people(): (Member & { present: boolean })[] {
    return this.members.withPresence();
  }

  /**
   * The context the pure transitions need, at `now` (its people list is kept while nobody
   * arrives, leaves or changes: see `SessionPeople.list`).
   */
  context(): SessionContext {
    const now = this.env.now();
    return { now, protocol: this.protocol, people: this.members.list() };
  }

  /** The table a participant sits at now, or null. */
  tableOf(participantId: string): string | null {
    return tableOfParticipant(this.state, this.context(), participantId);
  }

  /** Who sits at which table now. */
  seating(): TableSeating[] {
    return tablesOf(this.state, this.context());
  }

  /** The tables in full, as the host's dashboard shows them. */
  tables(): WireTable[] {
    return wireTables(this.state, this.context());
  }

  /** The `session:state` for people at `tableId` (null: people at no table); `agenda` when building several of one change. */
  stateFor(tableId: string | null, agenda?: WireAgenda | null): SessionState {
    const context = this.context();
    return sessionStateFor(this.state, context, tableId, agenda === undefined ? wireAgenda(this.state) : agenda);
  }

  /** Every table's id and name (`session:tables`). */
  tableDirectory(): TableEntry[] {
    return tableDirectory(this.state, this.context());
  }

  /** One run's own view (a table's, or the plenary's), whatever the gathering. */
  runView(runKey: string): RunView | null {
    return runViewOf(this.state, this.context(), runKey);
  }

  /** The agenda and where it is, as everyone sees it. */
  agenda(): WireAgenda | null {
    return wireAgenda(this.state);
  }

  /**
   * Every round of the agenda as seated or planned. Seating a round of 200 takes tens of
   * milliseconds, and the dashboard is rebuilt every few seconds: the plan is kept until the
   * control state or who is there changes.
   */
  plan(): PlannedRound[] {
    const context = this.context();
    // What the seating reads (not the runs: a ready toggle or a phase change leaves the plan as it is).
    const { round, tables, pins, namedHosts, seed, settings, seatings, agenda } = this.state;
    const inputs = JSON.stringify([round, tables, pins, namedHosts, seed, settings, seatings.length, agenda.map((b) => b.id)]);
    const people = context.people.map((p) => `${p.id}:${p.present ? 1 : 0}${p.expected ? 1 : 0}`).join(',');
    // Planning 1,000 people at 200 tables takes a fifth of a second: while people keep arriving,
    // a plan at most a few seconds old is shown; a change of the session plans again at once.
    const kept = this.planned;
    if (kept && kept.inputs === inputs && (kept.people === people || context.now - kept.at < PLAN_PRESENCE_REFRESH_MS)) return kept.plan;
    const plan = planSeatings(this.state, context);
    this.planned = { inputs, people, at: context.now, plan };
    return plan;
  }

  /** The `session:state` a participant receives. */
  stateOf(participantId: string): SessionState {
    return this.stateFor(this.tableOf(participantId));
  }

  /** Whether the runtime knows this participant. */
  hasParticipant(participantId: string): boolean {
    return this.members.has(participantId);
  }

  /** Forgets a participant the host removed (they are no longer present, hold no role next time). */
  removeParticipant(participantId: string): Promise<void> {
    const wasHere = this.members.remove(participantId);
    return wasHere ? this.serialize(() => this.afterPresence([], true)) : Promise.resolve();
  }

  /** Adds or refreshes a participant (someone joined after the runtime loaded). */
  upsertParticipant(member: Member): void {
    this.members.upsert(member);
  }

  /** The actor for a participant id, from the stored role. */
  actorOf(participantId: string): Actor {
    const role = this.members.roleOf(participantId);
    return { participantId, isHost: role === 'host', isObserver: role === 'observer' };
  }

  /** Runs `task` after every earlier change of this session. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a control action; persists and publishes when accepted (on the newest stored state). */
  apply(action: SessionAction, participantId: string): Promise<RuntimeResult> {
    return this.applyAll([action], participantId);
  }

  /**
   * Applies several actions as one change (e.g. a roster's pins): persisted and published once
   * when every one is accepted; the first refusal changes nothing.
   */
  applyAll(actions: readonly SessionAction[], participantId: string): Promise<RuntimeResult> {
    return this.serialize(() =>
      this.withLatest(async () => {
        const actor = this.actorOf(participantId);
        const context = this.context();
        let next = this.state;
        let changed: Changed = [];
        for (const action of actions) {
          const result = applySessionAction(next, action, actor, context);
          if (!result.ok) return result;
          next = result.control;
          changed = changed === 'all' || result.changed === 'all' ? 'all' : [...new Set([...changed, ...result.changed])];
        }
        if (next !== this.state) await this.commit(next, changed);
        return { ok: true } as const;
      }),
    );
  }

  /** Someone connected or left: updates presence, seats a late arrival, reviews facilitators' seats. */
  presenceChanged(participantId: string, delta: 1 | -1): Promise<void> {
    const count = this.members.connected(participantId, delta);
    return this.serialize(() => this.afterPresence(delta > 0 && count === 1 ? [participantId] : [], count === 0));
  }

  /** Presence as counted across every node (connections per participant): replaces ours. */
  presenceIs(counts: ReadonlyMap<string, number>): Promise<void> {
    const { arrived, someoneLeft } = this.members.replacePresence(counts);
    if (arrived.length === 0 && !someoneLeft) return Promise.resolve();
    return this.serialize(() => this.afterPresence(arrived, someoneLeft));
  }

  private afterPresence(arrived: readonly string[], someoneLeft: boolean): Promise<void> {
    return this.withLatest(async () => {
      for (const participantId of arrived) {
        const seated = seatArrival(this.state, this.context(), participantId);
        if (seated === this.state) continue;
        // Someone arriving late changes only the table they sit down at.
        const at = tableOfParticipant(seated, this.context(), participantId);
        await this.commit(seated, at === null ? 'all' : [at]);
      }
      // In a single-table session presence is the seating: the table's members changed.
      if (!this.state.convening && (arrived.length > 0 || someoneLeft)) this.env.presenceSeated(this);
      await this.review();
    });
  }

  /** Catches up deadlines that passed (e.g. while the server was down) and arms the timer. */
  resume(): Promise<void> {
    return this.serialize(() => this.withLatest(() => this.review()));
  }

  /** Loads the stored state if another node changed it (call before showing it to someone). */
  refresh(): Promise<void> {
    return this.serialize(async () => {
      const stored = await this.env.reload(this.sessionId);
      if (stored && stored.version > this.state.version) {
        this.state = stored;
        this.persisted = true;
        this.schedule();
      }
    });
  }

  /** Stops the timer because another node keeps it now. */
  stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.upcoming.clear();
  }

  /** Runs `work`; when another node stored a newer state first, reloads it and runs `work` again. */
  private async withLatest<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof StaleControl) || attempt >= MAX_ATTEMPTS) throw error;
        const stored = await this.env.reload(this.sessionId);
        if (stored) {
          this.state = stored;
          this.persisted = true;
        }
      }
    }
  }

  private async review(): Promise<void> {
    const context = this.context();
    const reviewed =
      this.upcoming.take(this.state, context.people, context.now) ??
      reviewSession(this.state, context, this.hostId, this.env.facilitatorGraceMs);
    if (reviewed.control !== this.state) await this.commit(reviewed.control, reviewed.changed);
    else this.schedule();
  }

  private async commit(next: SessionControl, changed: Changed): Promise<void> {
    const stored = await this.env.save(this.sessionId, sessionStatus(next), next, this.persisted ? this.state.version : null);
    if (!stored) throw new StaleControl(`session ${this.sessionId} changed elsewhere`);
    this.persisted = true;
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
    const due = this.closed || !this.env.ownsTimers(this.sessionId) ? null : nextSessionDeadline(this.state, this.env.facilitatorGraceMs);
    if (due === null) {
      this.upcoming.clear();
      return;
    }
    const delay = Math.max(0, due - this.env.now());
    this.upcoming.arm(due, delay, (at) => {
      const context = { ...this.context(), now: at };
      return {
        state: this.state,
        people: context.people,
        reviewed: reviewSession(this.state, context, this.hostId, this.env.facilitatorGraceMs),
      };
    });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.serialize(() => this.withLatest(() => this.review())).catch((error: unknown) => this.env.onError(error, this.sessionId));
    }, delay);
  }

  /** Stops the timer (shutdown). The persisted state lets a restart resume exactly. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.upcoming.clear();
  }
}
