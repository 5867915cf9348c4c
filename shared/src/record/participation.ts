/**
 * Participation equity: per person, what they put on the table, the feedback they gave by type,
 * the dots they cast, the roles they held (phases in each role, rounds as table host) and the time
 * they held the floor in phases where one person speaks, and their speaking time in the calls
 * (each browser measures its own). Computed from the documents and the
 * control history only; a person may always see their own row.
 */
import { FEEDBACK_TYPES, type FeedbackThread, type FeedbackType } from '../feedback.js';
import { Speakers, type Protocol, type RoleName } from '../protocols/definition.js';
import { timelineOf } from '../protocols/timeline.js';
import type { HistoryLabel } from './history.js';

/** One person's participation. */
export interface ParticipationRow {
  participantId: string;
  name: string;
  /** Artifacts they put on any table, in all and by kind. */
  artifacts: number;
  artifactsByKind: Record<string, number>;
  /** Feedback threads they opened, by type, and replies they wrote in others' threads. */
  feedback: Record<FeedbackType, number>;
  replies: number;
  /** Dots they cast in dot votes. */
  dots: number;
  /** Phases in which they held each role. */
  rolePhases: Partial<Record<RoleName, number>>;
  /** Rounds they hosted a table. */
  tableHostRounds: number;
  /** Time holding the floor in phases where one person speaks (the presenter), in ms. */
  floorMs: number;
  /** Time speaking in the calls, as their own browser measured it, in ms. */
  spokenMs: number;
  /** Nothing on the table, no feedback, no dots and no role: someone the facilitator may invite in. */
  quiet: boolean;
}

/** What the computation reads. */
export interface ParticipationInput {
  people: readonly { id: string; name: string; role: string }[];
  artifacts: readonly { createdBy: string; kind: string }[];
  threads: readonly FeedbackThread[];
  /** Dots cast per person, one record per vote. */
  dotsBy: readonly Readonly<Record<string, number>>[];
  /** Ended phases, in order. */
  phases: readonly HistoryLabel[];
  /** Table hosts per round. */
  tableHosts: readonly { round: number; host: string | null }[];
  protocol: Protocol;
  /** Speaking time in the calls, by participant id. */
  spoken?: Readonly<Record<string, { ms: number }>>;
}

/** Computes every non-observer's row, in the order people joined. */
export function computeParticipation(input: ParticipationInput): ParticipationRow[] {
  const rows = new Map<string, ParticipationRow>();
  for (const person of input.people) {
    if (person.role === 'observer') continue;
    rows.set(person.id, {
      participantId: person.id,
      name: person.name,
      artifacts: 0,
      artifactsByKind: {},
      feedback: Object.fromEntries(FEEDBACK_TYPES.map((t) => [t, 0])) as Record<FeedbackType, number>,
      replies: 0,
      dots: 0,
      rolePhases: {},
      tableHostRounds: 0,
      floorMs: 0,
      spokenMs: input.spoken?.[person.id]?.ms ?? 0,
      quiet: true,
    });
  }
  for (const a of input.artifacts) {
    const row = rows.get(a.createdBy);
    if (!row) continue;
    row.artifacts++;
    row.artifactsByKind[a.kind] = (row.artifactsByKind[a.kind] ?? 0) + 1;
  }
  for (const thread of input.threads) {
    const opener = rows.get(thread.createdBy);
    if (opener) opener.feedback[thread.type]++;
    thread.messages.forEach((message, index) => {
      const author = rows.get(message.authorId);
      if (author && (index > 0 || message.authorId !== thread.createdBy)) author.replies++;
    });
  }
  for (const dots of input.dotsBy)
    for (const [id, n] of Object.entries(dots)) if (rows.has(id)) (rows.get(id) as ParticipationRow).dots += n;
  const seenHost = new Set<string>();
  for (const { round, host } of input.tableHosts) {
    if (!host || seenHost.has(`${round}\u0000${host}`)) continue;
    seenHost.add(`${round}\u0000${host}`);
    const row = rows.get(host);
    if (row) row.tableHostRounds++;
  }
  const steps = timelineOf(input.protocol);
  const lastEnd = new Map<string, number>();
  for (const label of input.phases) {
    for (const [role, holder] of Object.entries(label.roles) as [RoleName, string | undefined][]) {
      const row = holder ? rows.get(holder) : undefined;
      if (row) row.rolePhases[role] = (row.rolePhases[role] ?? 0) + 1;
    }
    const key = `${label.tableId}\u0000${label.round}`;
    const step = steps[label.phaseIndex];
    const started = lastEnd.get(key) ?? label.endedAt - (step?.phase.durationMs ?? 0);
    lastEnd.set(key, label.endedAt);
    if (step?.phase.speakers === Speakers.PresenterOnly && label.roles.presenter) {
      const row = rows.get(label.roles.presenter);
      if (row) row.floorMs += Math.max(0, label.endedAt - started);
    }
  }
  for (const row of rows.values()) {
    const gave = Object.values(row.feedback).some((n) => n > 0) || row.replies > 0;
    row.quiet =
      row.spokenMs === 0 &&
      row.artifacts === 0 &&
      !gave &&
      row.dots === 0 &&
      Object.keys(row.rolePhases).length === 0 &&
      row.tableHostRounds === 0;
  }
  return [...rows.values()];
}
