/**
 * The call signaling benchmark's report (`callSignalingBench.ts`): the results as a markdown block,
 * and the opening of its section in docs/BENCHMARKS.md.
 */
import type { Traffic } from './callBenchBrowser.js';
import type { WindowResult } from './callBenchMeasure.js';
import type { Stage } from './callBenchScenario.js';
import { machineDescription, measureTable } from './benchmarksDoc.js';
import { percentile, summarize } from './stats.js';

/** Issue #17's target for the 95th percentile of the reconnect time, on localhost. */
export const TARGET_P95_MS = 3_000;
/** The date the runs of this section were recorded on. */
const RUN_DATE = new Date().toISOString().slice(0, 10);
/** The heading of the benchmark's section in docs/BENCHMARKS.md. */
export const SECTION_HEADING = '## Call signaling: 200 people, 40 tables, one reseat';

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'never');

/** p50 / p95 / p99 / max over everyone; someone who never got there (null) counts as infinitely late. */
export function distribution(samples: readonly (number | null)[]): { text: string; p95: number } {
  const times = samples.map((s) => s ?? Number.POSITIVE_INFINITY);
  const summary = summarize(times);
  const p95 = times.length === 0 ? Number.NaN : percentile(Float64Array.from(times).sort(), 95);
  return { text: `p50 ${ms(summary.p50)} / p95 ${ms(p95)} / p99 ${ms(summary.p99)} / max ${ms(summary.max)} ms`, p95 };
}

/** Signals sent and received and peer lists received, then what came in the second after. */
function trafficText(t: Traffic, after: Traffic): string {
  const sent = t.descriptionsSent + t.candidatesSent;
  const late = after.descriptionsSent + after.candidatesSent + after.signalsReceived + after.peersReceived;
  return `${sent.toLocaleString('en-US')} signals sent (${t.descriptionsSent} descriptions, ${t.candidatesSent} candidates, ${(t.bytesSent / 1024).toFixed(0)} KiB) / ${t.signalsReceived.toLocaleString('en-US')} received; ${t.peersReceived} \`call:peers\` received; ${late} more messages in the second after`;
}

/** The server's CPU over the window and its own count of signals. */
function serverText(w: WindowResult): string {
  const s = w.serverSignals;
  return `${ms(w.serverCpuMs)} ms over ${ms(w.wallMs)} ms (${((w.serverCpuMs / w.wallMs) * 100).toFixed(0)} % of one core); signals relayed ${s.relayed ?? 0}, refused ${s.refused ?? 0}, rate-limited ${s.limited ?? 0}`;
}

/** The results of `count.people` people at `count.tables` tables as a markdown block (a heading line, the machine, one table). */
export function resultsMarkdown(join: Stage, moved: Stage, count: { people: number; tables: number }): string {
  const reconnected = moved.whole.filter((t) => t !== null).length;
  const reseatDist = distribution(moved.whole);
  const verdict = reseatDist.p95 <= TARGET_P95_MS ? 'met' : 'MISSED';
  const sizes = moved.seating.map((t) => t.members.length);
  const rows: [string, string][] = [
    ['initial join: `call:join` acks (all sent at once)', `${ms(join.ackMs)} ms`],
    ['initial join: full `call:peers` of the table received', distribution(join.listed).text],
    ['initial join: every call whole', `${distribution(join.whole).text} (${join.whole.filter((t) => t !== null).length}/${count.people})`],
    ['initial join: signaling (clients)', trafficText(join.traffic, join.trafficAfter)],
    ['reseat: `startRound` ack', `${ms(moved.ackMs)} ms (round 2 tables of ${Math.min(...sizes)}..${Math.max(...sizes)})`],
    ["reseat: new table's full `call:peers` received", distribution(moved.listed).text],
    [`**reseat: call reconnected** (target p95 ≤ ${ms(TARGET_P95_MS)} ms)`, `**${reseatDist.text}** — ${verdict}`],
    ['reseat: reconnected', `${reconnected}/${count.people}`],
    ['reseat: signaling (clients)', trafficText(moved.traffic, moved.trafficAfter)],
    ['reseat: server CPU (start → last call whole)', serverText(moved.window)],
    [
      'reseat: server RSS before / peak / after',
      `${moved.window.rssBeforeMiB.toFixed(0)} / ${moved.window.rssPeakMiB.toFixed(0)} / ${moved.window.rssAfterMiB.toFixed(0)} MiB`,
    ],
    [
      'reseat: load generator CPU / event-loop delay p99',
      `${ms(moved.window.generatorCpuMs)} ms / ${moved.window.generatorLoopDelayP99Ms.toFixed(0)} ms`,
    ],
  ];
  const when = new Date().toISOString().slice(0, 19).replace('T', ' ');
  return [
    `### Run of ${when} UTC: ${count.people} people, ${count.tables} tables`,
    '',
    `Machine: ${machineDescription()}.`,
    `The load generator (${count.people + 1} clients in one Node process) shares the cores with the server.`,
    '',
    ...measureTable(rows),
    '',
  ].join('\n');
}

/** The section's opening, written once when the section is created. */
export function sectionIntro(): string {
  return [
    SECTION_HEADING,
    '',
    `\`npm run bench:calls\` (issue #17), first recorded ${RUN_DATE}. 200 participants (real socket.io`,
    'clients in one process) and a host on one server process with SQLite; the host seats 40 tables of',
    '5 and starts a two-round café (round 2 reseats: table hosts stay, travelers move). Everyone joins',
    "their table's call and negotiates like a browser over `call:signal` (a fake ~2.5 KB SDP and 4 ICE",
    'candidates each way per link, the larger peer id offers; no media). A link is connected when both',
    'sides have sent and received a description and all candidates; a call is reconnected when it has',
    "a connected link to everyone its new table's `call:peers` lists (checked against the round-2",
    "seating). Times run from the host's `startRound` send (round 1 was ended before). Server CPU from",
    '/proc, over the window from that send to the last call whole. Target: p95 ≤ 3 s on localhost.',
    '',
  ].join('\n');
}
