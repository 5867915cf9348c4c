/** Formats benchmark results as a Markdown table (readable in a terminal, pasteable into docs). */
import type { LoadMeasurement } from './loadRun.js';
import type { CheckResult } from './persistenceCheck.js';
import type { MemorySample } from './procStats.js';
import type { LatencySummary } from './stats.js';

/** Everything measured for one server. */
export interface ServerResult {
  /** Column title. */
  name: string;
  measurement: LoadMeasurement;
  /** Named pass/fail checks (e.g. persistence); empty when none apply. */
  checks: Array<{ name: string; result: CheckResult }>;
  /** Further figures for the table, by row label. */
  notes: Array<{ name: string; value: string }>;
}

/** Whether the run is a pass: every change reached every other client in order, no client failed, every check passed. */
export function passed(result: ServerResult): boolean {
  const m = result.measurement;
  return (
    m.expected > 0 &&
    m.delivered === m.expected &&
    m.incompletePairs === 0 &&
    m.outOfOrder === 0 &&
    m.clientFailures.length === 0 &&
    result.checks.every((check) => check.result.ok)
  );
}

const MIB = 1024 * 1024;
const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const whole = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const mib = (bytes: number): string => fixed(bytes / MIB, 0);
/** One node: its MiB; several: `sum (a + b)`. */
const mibNodes = (samples: readonly MemorySample[], pick: (sample: MemorySample) => number): string => {
  const values = samples.map(pick);
  const sum = mib(values.reduce((total, value) => total + value, 0));
  return values.length > 1 ? `${sum} (${values.map(mib).join(' + ')})` : sum;
};
const percentiles = (latency: LatencySummary): string =>
  latency.count === 0 ? 'n/a' : `${fixed(latency.p50, 2)} / ${fixed(latency.p99, 2)} (${whole(latency.count)} samples)`;

/**
 * The comparison table, one column per server. When a result has several nodes or watched
 * processes, rows for the same-node / cross-node split, per-node CPU and the watched CPU are added.
 */
export function resultTable(results: readonly ServerResult[]): string {
  const scaleOut = results.some((r) => r.measurement.nodeCount > 1);
  const watchedNames = [...new Set(results.flatMap((r) => r.measurement.watchedCpu.map((w) => w.name)))];
  const windowMicros = (r: ServerResult): number => r.measurement.windowSeconds * 1e6;
  const rows: Array<[string, (r: ServerResult) => string]> = [
    ['connections', (r) => whole(r.measurement.connections)],
    ['connect + first sync (s)', (r) => fixed(r.measurement.connectSeconds, 1)],
    ['measured window (s)', (r) => fixed(r.measurement.windowSeconds, 1)],
    ['changes sent (incl. warm-up)', (r) => whole(r.measurement.updatesSent)],
    ['delivered / expected', (r) => deliveredText(r.measurement)],
    ['changes merged by the server into a later one', (r) => whole(r.measurement.merged)],
    ['deliveries/s (window)', (r) => whole(r.measurement.deliveriesPerSecond)],
    ['fan-out latency p50 (ms)', (r) => fixed(r.measurement.latency.p50, 2)],
    ['fan-out latency p99 (ms)', (r) => fixed(r.measurement.latency.p99, 2)],
    ['fan-out latency max (ms)', (r) => fixed(r.measurement.latency.max, 1)],
    ...(scaleOut
      ? ([
          ['server processes (nodes)', (r) => String(r.measurement.nodeCount)],
          ['latency p50 / p99 (ms), writer and receiver on the same node', (r) => percentiles(r.measurement.sameNodeLatency)],
          ['latency p50 / p99 (ms), on different nodes', (r) => percentiles(r.measurement.crossNodeLatency)],
        ] satisfies Array<[string, (r: ServerResult) => string]>)
      : []),
    ['server CPU (% of one core)', (r) => fixed(r.measurement.serverCpuPercent, 1)],
    ...(scaleOut
      ? ([
          [
            'server CPU per node (% of one core)',
            (r) => r.measurement.nodeCpuMicros.map((micros) => fixed((micros / windowMicros(r)) * 100, 1)).join(' + '),
          ],
        ] satisfies Array<[string, (r: ServerResult) => string]>)
      : []),
    ['**server CPU µs / delivery**', (r) => `**${fixed(r.measurement.serverCpuMicrosPerDelivery, 2)}**`],
    ['… of which in the kernel (system time), µs / delivery', (r) => fixed(r.measurement.serverSystemCpuMicrosPerDelivery, 2)],
    ...watchedNames.map((name): [string, (r: ServerResult) => string] => [
      `${name} CPU: % of one core; µs / delivery`,
      (r) => {
        const watched = r.measurement.watchedCpu.find((w) => w.name === name);
        if (!watched) return 'n/a';
        return `${fixed((watched.micros / windowMicros(r)) * 100, 1)}; ${fixed(watched.micros / r.measurement.windowDeliveries, 2)}`;
      },
    ]),
    ['server RSS before connections (MiB)', (r) => mibNodes(r.measurement.startMemory, (m) => m.rssBytes)],
    ['server RSS connected idle (MiB)', (r) => mibNodes(r.measurement.idleMemory, (m) => m.rssBytes)],
    ['server RSS end of window (MiB)', (r) => mibNodes(r.measurement.memory, (m) => m.rssBytes)],
    ['server RSS peak (MiB)', (r) => mibNodes(r.measurement.memory, (m) => m.peakRssBytes)],
    [
      'generator CPU, all its processes (% of one core)',
      (r) => `${fixed(r.measurement.generatorCpuPercent, 1)} (${r.measurement.generatorCount} processes)`,
    ],
    ['busiest generator event-loop delay p99 (ms)', (r) => fixed(r.measurement.generatorLoopDelayP99Ms, 1)],
    ['other load on the machine (% of one core)', (r) => fixed(r.measurement.backgroundCpuPercent, 1)],
  ];
  const noteNames = [...new Set(results.flatMap((r) => r.notes.map((n) => n.name)))];
  for (const name of noteNames) rows.push([name, (r) => r.notes.find((n) => n.name === name)?.value ?? 'n/a']);
  const checkNames = [...new Set(results.flatMap((r) => r.checks.map((c) => c.name)))];
  for (const name of checkNames) {
    rows.push([
      name,
      (r) => {
        const check = r.checks.find((c) => c.name === name);
        return check ? `${check.result.ok ? 'OK' : 'FAILED'}: ${check.result.detail}` : 'n/a';
      },
    ]);
  }
  const table = [['', ...results.map((r) => r.name)], ...rows.map(([label, cell]) => [label, ...results.map(cell)])];
  const widths = (table[0] ?? []).map((_, column) => Math.max(3, ...table.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const header = table[0] ?? [];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...table.slice(1).map(line)].join('\n');
}

function deliveredText(m: LoadMeasurement): string {
  const share = m.expected === 0 ? 0 : (m.delivered / m.expected) * 100;
  const percent = m.delivered === m.expected ? '100%' : `${share.toFixed(3)}%`;
  return `${whole(m.delivered)} / ${whole(m.expected)} (${percent})`;
}

/** `Worktable 14.6 µs, reference 12.3 µs (1.19×)` for server CPU per delivery. */
export function cpuComparison(worktable: ServerResult, reference: ServerResult): string {
  const ours = worktable.measurement.serverCpuMicrosPerDelivery;
  const theirs = reference.measurement.serverCpuMicrosPerDelivery;
  return `Worktable ${ours.toFixed(2)} µs, ${reference.name} ${theirs.toFixed(2)} µs (${(ours / theirs).toFixed(2)}×)`;
}

/** One sentence on the target "server CPU per delivery no worse than the reference". */
export function cpuVerdict(worktable: ServerResult, reference: ServerResult): string {
  const met = worktable.measurement.serverCpuMicrosPerDelivery <= reference.measurement.serverCpuMicrosPerDelivery;
  return `Server CPU per delivery: ${cpuComparison(worktable, reference)} — target "no worse than the reference" ${met ? 'MET' : 'NOT MET'}.`;
}

/** Lines describing why a result failed (empty when it passed). */
export function failureLines(result: ServerResult): string[] {
  const m = result.measurement;
  const lines: string[] = [];
  if (m.delivered !== m.expected) lines.push(`${result.name}: delivered ${m.delivered} of ${m.expected} expected deliveries`);
  if (m.incompletePairs > 0) lines.push(`${result.name}: ${m.incompletePairs} receiver/writer pairs incomplete`);
  if (m.outOfOrder > 0) lines.push(`${result.name}: ${m.outOfOrder} changes arrived out of sequence`);
  for (const failure of m.clientFailures) lines.push(`${result.name}: client failure: ${failure}`);
  for (const check of result.checks) if (!check.result.ok) lines.push(`${result.name}: ${check.name} failed: ${check.result.detail}`);
  return lines;
}
