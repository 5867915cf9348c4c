/**
 * The control channel's wire contract: the `session:state` payload (built from the control state
 * by one pure function), and `time:sync`; the schemas of what browsers send are in wireSchemas.ts.
 * Documented in docs/API.md.
 */
import { FEEDBACK_TYPES, type FeedbackType } from '../feedback.js';
import { type Protocol, type RoleName, Speakers, type Advance } from './definition.js';
import { RunStatus, focusOf, nextRotation, type ControlContext, type ControlState } from './control.js';
import type { RoleHolders } from './rotation.js';
import { timelineOf } from './timeline.js';
import type { Ballot, WireVote } from '../record/votes.js';
import type { PrivateWriting } from '../convening/privateWriting.js';
import type { CallLinkView } from '../talk/callLinks.js';
import type { SpeakingQueue } from '../talk/speakingQueue.js';
import type { BlockKind } from '../convening/agenda.js';
import type { ClockMode, Gathering, Broadcast } from '../convening/sessionTypes.js';

/** The current phase as clients see it. */
export interface WirePhase {
  id: string;
  title: string;
  prompt: string;
  durationMs: number;
  /** Server epoch ms when it ends; null unless running (and not over). */
  endsAt: number | null;
  /** Time left at `serverNow`. */
  remainingMs: number;
  speakers: Speakers;
  /** Feedback types open in this phase. */
  feedback: FeedbackType[];
  advance: Advance;
  /** The deadline passed and the phase waits for the facilitator. */
  over: boolean;
}

/** The protocol run of one table, as clients see it (part of `SessionState`). */
export interface RunView {
  version: number;
  serverNow: number;
  protocolId: string;
  protocolTitle: string;
  status: RunStatus;
  phaseIndex: number;
  phaseCount: number;
  phase: WirePhase | null;
  /** The protocol's own round (1-based; 0 outside rounds) and how many it has. */
  protocolRound: number;
  protocolRounds: number;
  roles: RoleHolders;
  locked: RoleHolders;
  rotation: { next: RoleHolders };
  ready: string[];
  offer: { role: RoleName; to: string[]; since: number } | null;
  /** The presenter's focusing question, shown on top for everyone while they present; null when none. */
  focus: string | null;
}

/** A table as everyone sees it. */
export interface WireTable {
  id: string;
  name: string;
  /** Participant ids, the table host first. */
  members: string[];
  host: string | null;
  /** Members who were not at this table last round (the table host briefs them). */
  newcomers: string[];
}

/** A table in the session's directory (`session:tables`): enough to name it or visit it. */
export interface TableEntry {
  id: string;
  name: string;
}

/** One block of the agenda as everyone sees it. */
export interface WireAgendaBlock {
  id: string;
  kind: BlockKind;
  title: string;
  /** The seating round (1-based) of a table block; 0 in the plenary. */
  round: number;
  /** The question that opens a table round (the host's, else the protocol's). */
  question: string | null;
  /** Planned length of the block. */
  durationMs: number;
  /** Travelers move to new tables when the block starts. */
  reseat: boolean;
}

/** A convening's agenda and where it is (part of `SessionState`). */
export interface WireAgenda {
  blocks: WireAgendaBlock[];
  /** The current block: −1 before the start, `blocks.length` once the agenda is over. */
  index: number;
  /** How many seating rounds the agenda has. */
  rounds: number;
  /** The host holds the end of the current block. */
  held: boolean;
  /** Every run of the current block is done and the host holds it: waiting for the host to go on. */
  waiting: boolean;
  /** When the current seating round started (server epoch ms), or null before the first. */
  roundStartedAt: number | null;
}

/**
 * Payload of `session:state`, emitted on connect and after every change to what the receiver
 * sees: their table's run and seating, the clock, and a small summary of the convening. Its size
 * does not grow with the event: other tables are named in `session:tables`, sent when they change.
 */
export interface SessionState extends RunView {
  /** The convening round (0 before the first seating). */
  round: number;
  /** The receiver's table (the one a host visits, else their seat), or null when they are not seated. */
  tableId: string | null;
  /** That table in full (members, host, newcomers), or null. */
  table: WireTable | null;
  /** How many tables the session has now. */
  tableCount: number;
  /** How many people sit at tables now (everyone a plenary vote counts). */
  seatedCount: number;
  /** False for a session with one table that everyone sits at. */
  convening: boolean;
  clock: ClockMode;
  gathering: Gathering;
  broadcast: Broadcast | null;
  /** The convening's agenda (null for a session with one table). */
  agenda: WireAgenda | null;
  /** The table whose canvas everyone is shown now ("bring everyone to me"), or null. */
  spotlight: string | null;
  /** The speaking queue and talking piece of the receiver's table (or the plenary), or null when nobody used them. */
  talk: SpeakingQueue | null;
  /** The call to join where the receiver is now (their table's, else the convening's), or null. */
  callLink: CallLinkView | null;
  /** The dot vote open at the receiver's table: who voted, and results once revealed (never ballots). */
  vote: WireVote | null;
  /** Whether everyone may see the participation view. */
  participationShared: boolean;
  /** The record shows the anonymous spread of talk time. */
  talkTimeInRecord: boolean;
  /** Reactions are given under pseudonyms (`session:welcome.pseudonym`). */
  anonymousReactions: boolean;
  /** Private writing at the receiver's table: new stickies go to `private-<tableId>-<you>` until the reveal. */
  privateWriting: PrivateWriting | null;
}

/** Builds one table run's part of `session:state` at `context.now`. */
export function toRunView(state: ControlState, context: ControlContext): RunView {
  const steps = timelineOf(context.protocol);
  const step = steps[state.stepIndex];
  const { now } = context;
  const running = state.status === RunStatus.Running;
  const over = state.overAt !== null;
  const remainingMs =
    state.status === RunStatus.Done ? 0 : running ? (over ? 0 : Math.max(0, (state.endsAt ?? now) - now)) : state.remainingMs;
  return {
    version: state.version,
    serverNow: now,
    protocolId: context.protocol.id,
    protocolTitle: context.protocol.title,
    status: state.status,
    phaseIndex: state.stepIndex,
    phaseCount: steps.length,
    phase:
      step && state.status !== RunStatus.Done
        ? {
            id: step.phase.id,
            title: step.phase.title,
            prompt: step.phase.prompt,
            durationMs: step.phase.durationMs,
            endsAt: running && !over ? state.endsAt : null,
            remainingMs,
            speakers: step.phase.speakers,
            feedback: step.phase.feedback as FeedbackType[],
            advance: step.phase.advance,
            over,
          }
        : null,
    protocolRound: step?.round ?? 0,
    protocolRounds: context.protocol.rounds,
    roles: state.roles,
    locked: state.locked,
    rotation: { next: nextRotation(state, context) },
    ready: state.ready,
    offer: state.offer,
    focus: focusOf(state),
  };
}

/** The ack of a `control` event (`ballot`: your own dots when a vote is open at your table). */
export type ControlAck =
  | { ok: true; state: SessionState; ballot?: OwnBallot | null }
  | { ok: false; error: { code: string; message: string } };

/** Your own dots in the vote open at your table (`vote:ballot`, and in control acks). */
export interface OwnBallot {
  voteId: number;
  ballot: Ballot;
}

/** The ack of a `time:sync` event. */
export interface TimeSyncAck {
  serverNow: number;
}

/** Feedback types that are closed in a phase, with the reason to show on a disabled control. */
export function closedFeedback(phase: WirePhase | null): { type: FeedbackType; reason: string }[] {
  if (!phase) return [];
  return FEEDBACK_TYPES.filter((type) => !phase.feedback.includes(type)).map((type) => ({
    type,
    reason: `Not open during “${phase.title}”.`,
  }));
}

/**
 * Whether `participantId` listens silently now: a protocol runs (or is paused) in a phase where
 * everyone but the presenter speaks, and they are the presenter. They may read the group's
 * feedback but not add to it; the relay reverts any feedback they write then.
 */
export function listensSilently(view: Pick<RunView, 'status' | 'phase' | 'roles'>, participantId: string): boolean {
  const running = view.status === 'running' || view.status === 'paused';
  return running && view.phase?.speakers === Speakers.AllButPresenter && view.roles.presenter === participantId;
}

/**
 * Estimates the offset between the server's clock and ours from several `time:sync` samples,
 * keeping the one with the lowest round trip (its midpoint is the best guess of "server now").
 */
export function estimateClockOffset(samples: readonly { sentAt: number; receivedAt: number; serverNow: number }[]): number {
  let best: { rtt: number; offset: number } | null = null;
  for (const s of samples) {
    const rtt = s.receivedAt - s.sentAt;
    if (rtt < 0) continue;
    const offset = s.serverNow - (s.sentAt + rtt / 2);
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}

/** Protocol lookup for a session, with the default used when none was chosen. */
export const DEFAULT_PROTOCOL_ID = 'tuning';

/** The protocol a session runs: its own, or the default. */
export function protocolFor(id: string | null, find: (id: string) => Protocol | undefined): Protocol | undefined {
  return find(id ?? DEFAULT_PROTOCOL_ID);
}
