/**
 * The event bench's verdicts and its table: whether every typed edit reached every table-mate
 * (from what each participant's document held at the end of each round), which documents to read
 * back after a restart and what they must hold, and the targets of issue #20.
 */
import * as Y from 'yjs';
import { ArtifactField, TableRoot } from '@worktable/shared';
import type { ViewTable } from './eventControl.js';
import type { TallyRecord, WriteRecord } from './eventProtocol.js';
import { stampCount } from './eventTableClient.js';
import type { CheckResult, StoredDocument } from './persistenceCheck.js';
import type { BackendLoad } from './backendLoad.js';
import type { LatencySummary } from './stats.js';
import { measureTable } from './benchmarksDoc.js';

/** The shape of one run. */
export interface EventShape {
  people: number;
  tables: number;
  rounds: number;
  phasesPerRound: number;
  phaseMs: number;
  /** Server processes. */
  nodes: number;
  /** Participant processes. */
  workers: number;
}

/** Everything one run measured (returned to a caller, printed, recorded). */
export interface EventResult extends EventShape {
  /** Per control connection: from opening it to its first state. */
  firstState: LatencySummary;
  /** From opening all N connections at once to the last one's first state, ms. */
  allFirstStatesMs: number;
  /** Control connection attempts that failed (timed out, refused) and were tried again. */
  controlRetries: number;
  /** Edit fan-out at the table (insert → a table-mate has it). */
  edits: LatencySummary;
  editsSent: number;
  /** Round start → a traveler connected and synced to its new table's document. */
  reseat: LatencySummary;
  /** A phase's deadline → its next state at a participant. */
  phaseLateness: LatencySummary;
  /** Several nodes: what the rounds cost Redis and PostgreSQL (null on one node). */
  backend: BackendLoad | null;
  /** The same for each boundary, in order (which boundaries are late: round changes, or all). */
  phaseLatenessByDeadline: LatencySummary[];
  /** Per node: CPU as % of one core while the participants connected, and over the rounds. */
  connectCpuPercent: number[];
  roundsCpuPercent: number[];
  /** Over the rounds, % of one core: the participant processes (with the coordinator), and everything else on the machine. */
  clientCpuPercent: number;
  backgroundCpuPercent: number;
  /** The worst participant process's event-loop delay p99, ms: how late the clients themselves were. */
  clientLoopDelayP99Ms: number;
  /** Per node: peak and final resident memory, bytes. */
  peakRssBytes: number[];
  endRssBytes: number[];
  dashboards: { count: number; bytes: number };
  awareness: { moves: number; messages: number; bytes: number };
  delivery: CheckResult;
  storage: CheckResult;
  failures: string[];
  failureCount: number;
  roundsSeconds: number;
}

/** Issue #20's targets. */
export const EVENT_TARGETS = {
  editP99Ms: 100,
  reseatP99Ms: 2_000,
  phaseLatenessP99Ms: 100,
  rssBytes: 2 ** 30,
  allFirstStatesMs: 10_000,
} as const;

/**
 * Every insert a typist made at a table in a round must be in the document of every other member
 * of that table in that round (as the host saw the tables) when the round ended.
 */
export function checkDelivery(
  writes: readonly WriteRecord[],
  tallies: readonly TallyRecord[],
  tablesByRound: ReadonlyMap<number, readonly ViewTable[]>,
): CheckResult {
  const held = new Map<string, Map<string, number>>();
  for (const t of tallies) held.set(`${t.round}/${t.tableId}/${t.participantId}`, new Map(t.counts));
  let expected = 0;
  let delivered = 0;
  const problems: string[] = [];
  for (const write of writes) {
    const members = tablesByRound.get(write.round)?.find((t) => t.id === write.tableId)?.members ?? [];
    for (const member of members) {
      if (member === write.writer) continue;
      expected += write.sent;
      const tally = held.get(`${write.round}/${write.tableId}/${member}`);
      const got = tally?.get(write.stickyId) ?? 0;
      delivered += Math.min(got, write.sent);
      if (got !== write.sent)
        problems.push(
          `round ${write.round} ${write.tableId}: ${member} holds ${tally ? got : 'no document'} of ${write.sent} inserts by ${write.writer}`,
        );
    }
  }
  const ok = writes.length > 0 && problems.length === 0;
  const detail = `${delivered.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')} inserts in table-mates' documents at the round's end (${writes.length} typists' stickies)`;
  return { ok, detail: problems.length === 0 ? detail : `${detail}; ${problems.length} short: ${problems.slice(0, 3).join('; ')}` };
}

/** The table documents that were written, to read back (with the host's token) after a restart. */
export function storedTables(sessionId: string, hostToken: string, writes: readonly WriteRecord[]): StoredDocument[] {
  const byTable = new Map<string, WriteRecord[]>();
  for (const write of writes) byTable.set(write.tableId, [...(byTable.get(write.tableId) ?? []), write]);
  return [...byTable].map(([tableId, tableWrites]) => ({
    name: tableId,
    path: `/yjs/${encodeURIComponent(sessionId)}/${tableId}?token=${encodeURIComponent(hostToken)}`,
    compare: (doc: Y.Doc) => compareTable(doc, tableWrites),
  }));
}

function compareTable(doc: Y.Doc, writes: readonly WriteRecord[]): string | null {
  const artifacts = doc.getMap<unknown>(TableRoot.Artifacts);
  for (const write of writes) {
    const sticky = artifacts.get(write.stickyId);
    const text = sticky instanceof Y.Map ? sticky.get(ArtifactField.Text) : null;
    const stored = text instanceof Y.Text ? text.toString() : null;
    if (stored === null) return `sticky ${write.stickyId} is missing`;
    const count = stampCount(stored);
    if (count !== write.sent || !stored.endsWith(write.last)) return `sticky ${write.stickyId} holds ${count} of ${write.sent} inserts`;
  }
  return null;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const dist = (s: LatencySummary): string => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)} ms (${s.count.toLocaleString('en-US')})`;
const checked = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
const perNode = (values: readonly number[], format: (value: number) => string): string => values.map(format).join(' + ');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** A target and how the run did: `n/a` when the run measured nothing for it (one round has no reseat). */
export interface TargetLine {
  name: string;
  verdict: 'PASS' | 'MISS' | 'n/a';
  value: string;
}

const judge = (value: number, limit: number): TargetLine['verdict'] => (Number.isNaN(value) ? 'n/a' : value < limit ? 'PASS' : 'MISS');

/** The targets, each with its verdict. */
export function targetLines(r: EventResult): TargetLine[] {
  const peakRss = Math.max(...r.peakRssBytes);
  return [
    {
      name: `edit fan-out p99 < ${EVENT_TARGETS.editP99Ms} ms`,
      verdict: judge(r.edits.p99, EVENT_TARGETS.editP99Ms),
      value: `${ms(r.edits.p99)} ms`,
    },
    {
      name: `reseat p99 < ${EVENT_TARGETS.reseatP99Ms / 1000} s`,
      verdict: judge(r.reseat.p99, EVENT_TARGETS.reseatP99Ms),
      value: `${ms(r.reseat.p99)} ms`,
    },
    {
      name: `phase change lateness p99 < ${EVENT_TARGETS.phaseLatenessP99Ms} ms`,
      verdict: judge(r.phaseLateness.p99, EVENT_TARGETS.phaseLatenessP99Ms),
      value: `${ms(r.phaseLateness.p99)} ms`,
    },
    { name: 'server RSS < 1 GiB', verdict: judge(peakRss, EVENT_TARGETS.rssBytes), value: `peak ${perNode(r.peakRssBytes, mib)}` },
    {
      name: `all ${r.people} first states within ${EVENT_TARGETS.allFirstStatesMs / 1000} s`,
      verdict: judge(r.allFirstStatesMs, EVENT_TARGETS.allFirstStatesMs),
      value: `${(r.allFirstStatesMs / 1000).toFixed(2)} s`,
    },
  ];
}

/** The run as a Markdown table (measures, checks, then targets with PASS/MISS). */
export function eventTable(r: EventResult): string {
  const rows: Array<[string, string]> = [
    ['control connections → first state: p50 / p99 / max', dist(r.firstState)],
    [
      `all ${r.people} connections opened at once → the last first state (attempts tried again)`,
      `${(r.allFirstStatesMs / 1000).toFixed(2)} s (${r.controlRetries})`,
    ],
    [
      'edit fan-out at the table (insert → table-mate): p50 / p99 / max',
      `${dist(r.edits)}; ${r.editsSent.toLocaleString('en-US')} inserts`,
    ],
    ['round start → traveler synced at its new table: p50 / p99 / max', dist(r.reseat)],
    ['phase deadline → next state at a participant: p50 / p99 / max', dist(r.phaseLateness)],
    ['… by boundary, in order: p50 / p99 (ms)', r.phaseLatenessByDeadline.map((d) => `${ms(d.p50)} / ${ms(d.p99)}`).join(' · ')],
    ...(r.backend
      ? [
          [
            'over the rounds: Redis PUBLISH per edit / PUBLISH per s / commands per s',
            `${r.backend.publishPerEdit.toFixed(2)} / ${r.backend.redisPublishPerSecond.toFixed(0)} / ${r.backend.redisCommandsPerSecond.toFixed(0)}`,
          ] as [string, string],
          [
            'over the rounds: PostgreSQL commits per s / rows written per s',
            `${r.backend.postgresCommitsPerSecond.toFixed(0)} / ${r.backend.postgresRowsPerSecond.toFixed(0)}`,
          ] as [string, string],
        ]
      : []),
    [
      `server CPU, % of one core: connecting / the rounds (${r.roundsSeconds.toFixed(0)} s)`,
      `${perNode(r.connectCpuPercent, (p) => p.toFixed(0))} / ${perNode(r.roundsCpuPercent, (p) => p.toFixed(0))}`,
    ],
    [
      'over the rounds: participant processes CPU (% of one core) / their event-loop delay p99 / the rest of the machine (% of one core; PostgreSQL and Redis count here)',
      `${r.clientCpuPercent.toFixed(0)} / ${ms(r.clientLoopDelayP99Ms)} ms / ${r.backgroundCpuPercent.toFixed(0)}`,
    ],
    ['server RSS: peak / end', `${perNode(r.peakRssBytes, mib)} / ${perNode(r.endRssBytes, mib)}`],
    ['host dashboards received', `${r.dashboards.count} (${mib(r.dashboards.bytes)} of JSON)`],
    [
      'cursor moves sent / awareness messages received',
      `${r.awareness.moves.toLocaleString('en-US')} / ${r.awareness.messages.toLocaleString('en-US')} (${mib(r.awareness.bytes)})`,
    ],
    [`delivery: ${checked(r.delivery.ok)}`, r.delivery.detail],
    [`storage after restart: ${checked(r.storage.ok)}`, r.storage.detail],
    ['client failures', r.failureCount === 0 ? 'none' : `${r.failureCount}: ${r.failures.join('; ')}`],
    ...targetLines(r).map((t): [string, string] => [`target: ${t.name}`, `${t.verdict} (${t.value})`]),
  ];
  return measureTable(rows).join('\n');
}

/** One line describing the run's shape. */
export function shapeLine(r: EventShape): string {
  const nodes = r.nodes > 1 ? `${r.nodes} server nodes (PostgreSQL + Redis)` : 'one server process (SQLite)';
  const rounds = r.rounds === 1 ? 'one round' : `${r.rounds} rounds`;
  return `${r.people} participants at ${r.tables} tables, ${rounds} of ${r.phasesPerRound} × ${r.phaseMs / 1000} s phases, ${nodes}, participants in ${r.workers} processes`;
}
